import type { AclScope } from '@app/acl';

/** A SQL condition with its positional parameters, numbered from `firstParameter`. */
export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/**
 * The ACL scope of the BUSINESS_UNIT-owned User entity as SQL over `users`: a user belongs to the
 * organizations in `organization_ids` and is owned by `owner_business_unit_id`. NONE (or no scope at
 * all: a route without an entity requirement must not list users) matches nothing.
 */
export function userScopeCondition(scope: AclScope | undefined, alias: string, firstParameter: number): SqlCondition {
  const column = (name: string) => `${alias}.${name}`;
  const p = (offset: number) => `$${firstParameter + offset}`;
  if (!scope || scope.level === 'NONE' || scope.level === 'USER') {
    // USER is not a level of BUSINESS_UNIT-owned entities; libs/acl never hands it out for User.
    return { sql: 'false', params: [] };
  }
  switch (scope.level) {
    case 'GLOBAL':
      return { sql: 'true', params: [] };
    case 'ORGANIZATION':
      return { sql: `${p(0)}::uuid = ANY(${column('organization_ids')})`, params: [scope.organizationId] };
    case 'BUSINESS_UNIT':
    case 'DIVISION':
      return {
        sql: `(${p(0)}::uuid = ANY(${column('organization_ids')}) AND ${column('owner_business_unit_id')} = ANY(${p(1)}::uuid[]))`,
        params: [scope.organizationId, [...scope.businessUnitIds]],
      };
  }
}

/** The in-memory twin of userScopeCondition, for one loaded user. */
export function userInScope(scope: AclScope | undefined, user: { organizationIds: string[]; ownerBusinessUnitId: string }): boolean {
  if (!scope) return false;
  switch (scope.level) {
    case 'GLOBAL':
      return true;
    case 'ORGANIZATION':
      return user.organizationIds.includes(scope.organizationId);
    case 'BUSINESS_UNIT':
    case 'DIVISION':
      return user.organizationIds.includes(scope.organizationId) && scope.businessUnitIds.includes(user.ownerBusinessUnitId);
    default:
      return false;
  }
}
