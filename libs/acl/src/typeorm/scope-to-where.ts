import { And, Equal, FindOperator, FindOptionsWhere, In, ObjectLiteral } from 'typeorm';
import { AclScope } from '../scope';
import { requireColumn, ScopeColumns } from './scope-columns';

/**
 * The scope as a TypeORM `where` object, so `find`, `findAndCount` and `count` only see records in
 * scope. BUSINESS_UNIT and DIVISION match the single `ownerBusinessUnitId` column (`In`), so a
 * USER-owned entity filtered this way stores its owner's unit on each record; for owners in several
 * units use applyScope with `ownerMemberships`. NONE, and a unit scope without units, match no row
 * (TypeORM renders `In([])` as `0=1`). GLOBAL is `{}`.
 *
 * Do not spread it over your own filters (`{ ...filters, ...scopeWhere }` would overwrite a filter on
 * the same column); use withScope.
 */
export function scopeToWhere<Entity extends ObjectLiteral = ObjectLiteral>(
  scope: AclScope,
  columns: ScopeColumns,
): FindOptionsWhere<Entity> {
  const where: ObjectLiteral = {};
  switch (scope.level) {
    case 'GLOBAL':
      break;
    case 'NONE':
      setPath(where, requireColumn(columns, 'organizationId', scope), In([]));
      break;
    case 'ORGANIZATION':
      setPath(where, requireColumn(columns, 'organizationId', scope), scope.organizationId);
      break;
    case 'USER':
      setPath(where, requireColumn(columns, 'organizationId', scope), scope.organizationId);
      setPath(where, requireColumn(columns, 'ownerUserId', scope), scope.userId);
      break;
    case 'BUSINESS_UNIT':
    case 'DIVISION':
      setPath(where, requireColumn(columns, 'organizationId', scope), scope.organizationId);
      setPath(where, requireColumn(columns, 'ownerBusinessUnitId', scope), In([...scope.businessUnitIds]));
      break;
  }
  return where as FindOptionsWhere<Entity>;
}

/**
 * Your `where` (an object, or an array meaning OR) narrowed to the scope: every OR branch gets the
 * scope, and where both constrain the same property the two are joined with `And`, never replaced.
 */
export function withScope<Entity extends ObjectLiteral = ObjectLiteral>(
  where: FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[] | undefined,
  scope: AclScope,
  columns: ScopeColumns,
): FindOptionsWhere<Entity> | FindOptionsWhere<Entity>[] {
  const scoped = scopeToWhere<Entity>(scope, columns);
  if (where === undefined) return scoped;
  // An empty OR list would mean "no condition" to TypeORM; keep it scoped.
  if (Array.isArray(where)) {
    return where.length === 0 ? scoped : where.map((branch) => merge(branch, scoped) as FindOptionsWhere<Entity>);
  }
  return merge(where, scoped) as FindOptionsWhere<Entity>;
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
