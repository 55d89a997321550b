import { MigrationInterface, QueryRunner } from 'typeorm';

/** The directory of issue 5: the rest of OroCRM's user fields, security profiles, groups, configuration. */
export class IdentityDirectory1763800001000 implements MigrationInterface {
  name = 'IdentityDirectory1763800001000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE users
      ADD COLUMN birthday date,
      ADD COLUMN phone text,
      ADD COLUMN emails text[] NOT NULL DEFAULT '{}',
      ADD COLUMN custom_fields jsonb NOT NULL DEFAULT '{}'`);
    await runner.query('CREATE INDEX users_owner_business_unit ON users (owner_business_unit_id)');
    await runner.query('CREATE INDEX users_organization_ids ON users USING gin (organization_ids)');
    // The avatar lives beside the user so that lists never drag image bytes along.
    await runner.query(`CREATE TABLE user_avatars (
      user_id uuid PRIMARY KEY REFERENCES users (id) ON DELETE CASCADE,
      content_type text NOT NULL,
      data bytea NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE security_profiles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX security_profiles_name_ci ON security_profiles (lower(name))');
    await runner.query(`CREATE TABLE groups (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX groups_organization_name_ci ON groups (organization_id, lower(name))');
    await runner.query(`CREATE TABLE user_groups (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      group_id uuid NOT NULL REFERENCES groups (id) ON DELETE CASCADE,
      PRIMARY KEY (user_id, group_id)
    )`);
    await runner.query(`CREATE TABLE user_configurations (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations (id),
      settings jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (user_id, organization_id)
    )`);
    await runner.query('CREATE UNIQUE INDEX business_units_sibling_name_ci ON business_units (organization_id, parent_id, lower(name))');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX business_units_sibling_name_ci');
    for (const table of ['user_configurations', 'user_groups', 'groups', 'security_profiles', 'user_avatars']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('DROP INDEX users_organization_ids');
    await runner.query('DROP INDEX users_owner_business_unit');
    await runner.query('ALTER TABLE users DROP COLUMN birthday, DROP COLUMN phone, DROP COLUMN emails, DROP COLUMN custom_fields');
  }
}
