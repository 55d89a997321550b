import { And, ArrayContains, Equal, FindOperator, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { AclScope } from '../scope';
import { organizationColumn, requireColumn, ScopeColumns } from './scope-columns';

/**
 * The scope as a TypeORM `where`, so `find`, `findAndCount` and `count` only see records in scope:
 * an object, or an array (TypeORM's OR) for a BUSINESS_UNIT or DIVISION scope of a USER-owned
 * entity, whose subject's own records count as well. Unit scopes match the single
 * `ownerBusinessUnitId` column with `In`, so a USER-owned entity filtered this way stores its
 * owning unit on each record; for owners in several units use applyScope with `ownerMemberships`.
 * NONE, and a unit scope without units, match no row (TypeORM renders `In([])` as `0=1`).
 * GLOBAL is `{}`.
 *
 * Do not spread it over your own filters (`{ ...filters, ...scopeWhere }` would overwrite a filter on
 * the same column); use withScope.
 */
export function scopeToWhere<Entity extends ObjectLiteral = ObjectLiteral>(
  scope: AclScope,
  columns: ScopeColumns,
): FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[] {
  const branches = scopeBranches(scope, columns);
  return (branches.length === 1 ? branches[0] : branches) as FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[];
}

/** The scope as OR-ed branches, each an AND of property conditions. */
function scopeBranches(scope: AclScope, columns: ScopeColumns): ObjectLiteral[] {
  const branch = (...conditions: Array<[keyof ScopeColumns, unknown]>): ObjectLiteral => {
    const where: ObjectLiteral = {};
    for (const [key, value] of conditions) {
      if (key !== 'organizationId') setPath(where, requireColumn(columns, key, scope), value);
      else {
        // A record of several organizations matches when the array holds the organization.
        const organization = organizationColumn(columns, scope);
        const several = organization.key === 'organizationIds' && !(value instanceof FindOperator);
        setPath(where, organization.property, several ? ArrayContains([value]) : value);
      }
    }
    return where;
  };
  switch (scope.level) {
    case 'GLOBAL':
      return [{}];
    case 'NONE':
      return [branch(['organizationId', In([])])];
    case 'ORGANIZATION':
      return [branch(['organizationId', scope.organizationId])];
    case 'USER':
      return [branch(['organizationId', scope.organizationId], ['ownerUserId', scope.userId])];
    case 'BUSINESS_UNIT':
    case 'DIVISION': {
      const units = branch(['organizationId', scope.organizationId], ['ownerBusinessUnitId', In([...scope.businessUnitIds])]);
      if (scope.userId === undefined) return [units];
      const own = branch(['organizationId', scope.organizationId], ['ownerUserId', scope.userId]);
      return scope.businessUnitIds.length === 0 ? [own] : [own, units];
    }
  }
}

/**
 * Your `where` (an object, or an array meaning OR) narrowed to the scope: every OR branch of yours
 * meets every branch of the scope, and where both constrain the same property the two conditions
 * are joined with `And`, never replaced.
 */
export function withScope<Entity extends ObjectLiteral = ObjectLiteral>(
  where: FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[] | undefined,
  scope: AclScope,
  columns: ScopeColumns,
): FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[] {
  const scoped = scopeBranches(scope, columns);
  // An empty OR list would mean "no condition" to TypeORM; it gets the scope alone.
  const mine: ObjectLiteral[] = where === undefined ? [{}] : Array.isArray(where) ? (where.length ? where : [{}]) : [where];
  const merged = mine.flatMap((branch) => scoped.map((scopeBranch) => merge(branch, scopeBranch)));
  return (merged.length === 1 ? merged[0] : merged) as FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[];
}

function merge(filters: ObjectLiteral, scoped: ObjectLiteral): ObjectLiteral {
  const merged: ObjectLiteral = { ...filters };
  for (const [key, condition] of Object.entries(scoped)) {
    const existing = merged[key];
    if (existing === undefined) merged[key] = condition;
    else if (isNested(existing) && isNested(condition)) merged[key] = merge(existing, condition);
    else merged[key] = And(asOperator(existing), asOperator(condition));
  }
  return merged;
}

function isNested(value: unknown): value is ObjectLiteral {
  return typeof value === 'object' && value !== null && !(value instanceof FindOperator) && !Array.isArray(value);
}

function asOperator(value: unknown): FindOperator<unknown> {
  return value instanceof FindOperator ? value : Equal(value);
}

/** `a.b` -> `{ a: { b: value } }`, merging into objects already there. */
function setPath(target: ObjectLiteral, path: string, value: unknown): void {
  const parts = path.split('.');
  let node = target;
  for (const part of parts.slice(0, -1)) {
    if (!isNested(node[part])) node[part] = {};
    node = node[part];
  }
  node[parts[parts.length - 1]] = value;
}
