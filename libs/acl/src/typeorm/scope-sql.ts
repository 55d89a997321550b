import { AclScope } from '../scope';
import { organizationColumn, requireColumn, ScopeColumns } from './scope-columns';

/** How one query names a column and binds a value: TypeORM's named parameters, or `$n` of raw SQL. */
export interface ScopeSqlDialect {
  /** The SQL of the column that holds the given property. */
  column(property: string): string;
  /** A placeholder bound to the value; `base` names it where names matter. */
  bind(base: string, value: unknown): string;
  /** Overrides the owning-units test (applyScope's owner memberships), given the bound unit list. */
  ownedByUnits?(units: string): string;
}

/**
 * The scope as one SQL condition, every value bound: the single builder behind applyScope and
 * scopeCondition. GLOBAL is null (no condition); NONE, and a unit scope without units or own records,
 * match nothing. Unit lists are bound as one array (`= ANY(...)`).
 */
export function scopeSql(scope: AclScope, columns: ScopeColumns, dialect: ScopeSqlDialect): string | null {
  if (scope.level === 'GLOBAL') return null;
  if (scope.level === 'NONE') return '1 = 0';
  const column = (key: keyof ScopeColumns) => dialect.column(requireColumn(columns, key, scope));
  const organization = organizationColumn(columns, scope);
  const organizationId = dialect.bind('aclOrganizationId', scope.organizationId);
  const conditions = [
    organization.key === 'organizationIds'
      ? `${organizationId} = ANY(${dialect.column(organization.property)})`
      : `${dialect.column(organization.property)} = ${organizationId}`,
  ];
  switch (scope.level) {
    case 'ORGANIZATION':
      break;
    case 'USER':
      conditions.push(`${column('ownerUserId')} = ${dialect.bind('aclUserId', scope.userId)}`);
      break;
    case 'BUSINESS_UNIT':
    case 'DIVISION': {
      const alternatives: string[] = [];
      if (scope.userId !== undefined) alternatives.push(`${column('ownerUserId')} = ${dialect.bind('aclUserId', scope.userId)}`);
      if (scope.businessUnitIds.length > 0) {
        const units = dialect.bind('aclBusinessUnitIds', [...scope.businessUnitIds]);
        alternatives.push(dialect.ownedByUnits ? dialect.ownedByUnits(units) : `${column('ownerBusinessUnitId')} = ANY(${units})`);
      }
      conditions.push(alternatives.length === 0 ? '1 = 0' : `(${alternatives.join(' OR ')})`);
      break;
    }
  }
  return `(${conditions.join(' AND ')})`;
}
