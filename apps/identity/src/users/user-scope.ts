import { AclScope, NONE_SCOPE } from '@app/acl';
import { recordMatchesScope, scopeCondition, ScopeColumns, SqlCondition } from '@app/acl/typeorm';

/**
 * Where the BUSINESS_UNIT-owned User keeps its ownership (DESIGN.md section 3): a user belongs to
 * every organization in `organizationIds` and is owned by `ownerBusinessUnitId`.
 */
export const USER_SCOPE_COLUMNS: ScopeColumns = { organizationIds: 'organizationIds', ownerBusinessUnitId: 'ownerBusinessUnitId' };

/** The same columns in SQL over `users` under the given alias, for hand-written queries. */
const userScopeSqlColumns = (alias: string): ScopeColumns => ({
  organizationIds: `${alias}.organization_ids`,
  ownerBusinessUnitId: `${alias}.owner_business_unit_id`,
});

/**
 * A scope as it applies to User: none at all (a route without an entity requirement must not reach
 * users) and USER, which libs/acl never hands out for a BUSINESS_UNIT-owned entity, reach nothing.
 */
function forUsers(scope: AclScope | undefined): AclScope {
  if (!scope || scope.level === 'USER') return NONE_SCOPE;
  if ((scope.level === 'BUSINESS_UNIT' || scope.level === 'DIVISION') && scope.userId !== undefined) {
    return { level: scope.level, organizationId: scope.organizationId, businessUnitIds: scope.businessUnitIds };
  }
  return scope;
}

/** The users in scope as a SQL condition over `users <alias>`, parameters numbered from `firstParameter`. */
export const userScopeCondition = (scope: AclScope | undefined, alias: string, firstParameter: number): SqlCondition =>
  scopeCondition(forUsers(scope), userScopeSqlColumns(alias), firstParameter);

/** Whether one loaded user lies in the scope: the in-memory twin of userScopeCondition. */
export const userInScope = (scope: AclScope | undefined, user: { organizationIds: string[]; ownerBusinessUnitId: string }): boolean =>
  recordMatchesScope(forUsers(scope), USER_SCOPE_COLUMNS, user);
