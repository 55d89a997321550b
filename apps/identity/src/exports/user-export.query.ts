import type { AclScope } from '@app/acl';
import { userScopeCondition } from '../users/user-scope';
import { inlineParameters } from './inline-parameters';

/**
 * The columns of a user export (the User fields marked exportable) and the one query that reads
 * them, every value already text. No avatar bytes; the password only as its argon2id hash, and only
 * when the job may hold hashes (the column is there but empty otherwise); roles,
 * groups, organizations, business units and more emails joined by `;` (names, not ids); custom fields
 * as their JSON; an empty list as an empty field. Ordered by the case-insensitive username index.
 * A unit test checks that the query's column labels are these names, in this order (COPY's header).
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
  'birthday',
  'primaryEmail',
  'emails',
  'phone',
  'passwordHash',
  'ownerBusinessUnit',
  'businessUnits',
  'organizations',
  'roles',
  'groups',
  'securityProfiles',
  'customFields',
  'createdAt',
  'updatedAt',
] as const;

const iso = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const names = (from: string) => `(SELECT string_agg(x.name, ';' ORDER BY x.name) FROM ${from})`;

/** What one export job reads: the users of its requester's User VIEW scope, with hashes or without. */
export interface UserExportSelection {
  scope: AclScope;
  includePasswordHashes: boolean;
}

/**
 * The query of one job, with the scope written in as literals (COPY takes no parameters), filtered
 * by the same condition as the users list.
 */
export const userExportSql = ({ scope, includePasswordHashes }: UserExportSelection): string => `
SELECT u.id::text AS "id",
       u.username AS "username",
       u.enabled::text AS "enabled",
       u.auth_status AS "authStatus",
       u.name_prefix AS "namePrefix",
       u.first_name AS "firstName",
       u.middle_name AS "middleName",
       u.last_name AS "lastName",
       u.name_suffix AS "nameSuffix",
       to_char(u.birthday, 'YYYY-MM-DD') AS "birthday",
       u.primary_email AS "primaryEmail",
       nullif(array_to_string(u.emails, ';'), '') AS "emails",
       u.phone AS "phone",
       ${includePasswordHashes ? 'u.password_hash' : 'NULL'} AS "passwordHash",
       owner.name AS "ownerBusinessUnit",
       ${names('business_units x WHERE x.id = ANY (u.business_unit_ids)')} AS "businessUnits",
       ${names('organizations x WHERE x.id = ANY (u.organization_ids)')} AS "organizations",
       ${names('user_roles ur JOIN roles x ON x.id = ur.role_id WHERE ur.user_id = u.id')} AS "roles",
       ${names('user_groups ug JOIN groups x ON x.id = ug.group_id WHERE ug.user_id = u.id')} AS "groups",
       nullif(array_to_string(u.security_profiles, ';'), '') AS "securityProfiles",
       u.custom_fields::text AS "customFields",
       ${iso('u.created_at')} AS "createdAt",
       ${iso('u.updated_at')} AS "updatedAt"
  FROM users u JOIN business_units owner ON owner.id = u.owner_business_unit_id
 WHERE ${inlineParameters(userScopeCondition(scope, 'u', 1), 1)}
 ORDER BY lower(u.username)`;
