import { adminQuery } from '@app/testing';

/**
 * `count` users inserted straight into identity's database, every exportable field filled: a real
 * argon2id hash (the administrator's) reused, since seeding must not take 100,000 hashes; a last name
 * in ten that needs quoting; two more emails, a phone, a birthday, custom fields, two groups, a role.
 */
export async function seedUsers(db: string, count: number): Promise<void> {
  await adminQuery(
    db,
    `INSERT INTO users (username, password_hash, first_name, last_name, primary_email, owner_business_unit_id, organization_ids, business_unit_ids,
                        security_profiles, birthday, phone, emails, custom_fields)
     SELECT 'bench.' || g, a.password_hash, 'First ' || g, CASE WHEN g % 10 = 0 THEN 'Last, "quoted" ' || g ELSE 'Last ' || g END,
            'bench.' || g || '@example.com', a.owner_business_unit_id, a.organization_ids, a.business_unit_ids, ARRAY['Support', 'Sales'],
            date '1970-01-01' + g % 15000, '+1 555 ' || lpad((g % 10000000)::text, 7, '0'),
            ARRAY['bench.' || g || '@home.example', 'bench.' || g || '@work.example'], jsonb_build_object('team', 'T' || g % 50, 'level', g % 7)
       FROM generate_series(1, $1::int) g, (SELECT * FROM users WHERE username = 'admin') a`,
    [count],
  );
  await adminQuery(db, `INSERT INTO user_roles (user_id, role_id, is_default) SELECT u.id, r.id, true FROM users u, roles r WHERE u.username LIKE 'bench.%' AND r.name = 'ADMINISTRATOR'`);
  await adminQuery(db, `INSERT INTO groups (organization_id, name) SELECT id, g FROM organizations, unnest(ARRAY['Bench A', 'Bench B']) g WHERE name = 'Main'`);
  await adminQuery(db, `INSERT INTO user_groups (user_id, group_id) SELECT u.id, g.id FROM users u, groups g WHERE u.username LIKE 'bench.%' AND g.name LIKE 'Bench %'`);
  await adminQuery(db, 'ANALYZE');
}
