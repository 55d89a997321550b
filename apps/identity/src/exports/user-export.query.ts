/**
 * The columns of a user export (the User fields marked exportable) and the one query that reads
 * them, every value already text. No avatar bytes; the password only as its argon2id hash; roles,
 * organizations and business units as names joined by `;`. Ordered by the case-insensitive
 * username index, so the cursor streams rows without sorting the table first.
 */
export const USER_EXPORT_COLUMNS = [
  'id',
  'username',
  'enabled',
  'authStatus',
  'namePrefix',
  'firstName',
  'middleName',
  'lastName',
  'nameSuffix',
  'primaryEmail',
  'passwordHash',
  'ownerBusinessUnit',
  'businessUnits',
  'organizations',
  'roles',
  'securityProfiles',
  'createdAt',
  'updatedAt',
] as const;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;

export const USER_EXPORT_SQL = `
SELECT u.id::text AS "id",
       u.username AS "username",
       u.enabled::text AS "enabled",
       u.auth_status AS "authStatus",
       u.name_prefix AS "namePrefix",
       u.first_name AS "firstName",
       u.middle_name AS "middleName",
       u.last_name AS "lastName",
       u.name_suffix AS "nameSuffix",
       u.primary_email AS "primaryEmail",
       u.password_hash AS "passwordHash",
       owner.name AS "ownerBusinessUnit",
       (SELECT string_agg(b.name, ';' ORDER BY b.name) FROM business_units b WHERE b.id = ANY (u.business_unit_ids)) AS "businessUnits",
       (SELECT string_agg(o.name, ';' ORDER BY o.name) FROM organizations o WHERE o.id = ANY (u.organization_ids)) AS "organizations",
       (SELECT string_agg(r.name, ';' ORDER BY r.name) FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = u.id) AS "roles",
       array_to_string(u.security_profiles, ';') AS "securityProfiles",
       ${iso('u.created_at')} AS "createdAt",
       ${iso('u.updated_at')} AS "updatedAt"
  FROM users u JOIN business_units owner ON owner.id = u.owner_business_unit_id
 ORDER BY lower(u.username)`;
