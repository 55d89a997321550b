import { EntityTarget, ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { AclScope } from '../scope';
import { requireColumn, ScopeColumns } from './scope-columns';
import { scopeSql } from './scope-sql';

/** Where a USER-owned record's owner units live when an owner may sit in several units. */
export interface OwnerMemberships {
  /** The user <-> business unit join entity (or table entity). */
  readonly entity: EntityTarget<ObjectLiteral>;
  /** Its property holding the user id. */
  readonly userId: string;
  /** Its property holding the business unit id. */
  readonly businessUnitId: string;
}

export interface ApplyScopeOptions extends ScopeColumns {
  /** Alias of the scoped entity in the query; defaults to the main alias. */
  readonly alias?: string;
  /**
   * Match BUSINESS_UNIT and DIVISION scopes through the owner's memberships (any of the owner's
   * units in scope) instead of the `ownerBusinessUnitId` column; needs `ownerUserId`.
   */
  readonly ownerMemberships?: OwnerMemberships;
}

/**
 * Narrows a query builder to the scope with one `andWhere`, for queries `find` cannot express (joins,
 * the many-to-many owner case). Property names are resolved to column names through the metadata
 * and every value is a bound parameter.
 */
export function applyScope<Entity extends ObjectLiteral>(
  qb: SelectQueryBuilder<Entity>,
  scope: AclScope,
  options: ApplyScopeOptions,
): SelectQueryBuilder<Entity> {
  if (scope.level === 'GLOBAL') return qb;
  isolateExistingConditions(qb);
  const alias = options.alias ?? qb.alias;
  const parameters: ObjectLiteral = {};
  const column = (property: string) => columnSql(qb, alias, property);
  const memberships = options.ownerMemberships;
  const condition = scopeSql(scope, options, {
    column,
    bind: (base, value) => {
      const name = freeParameter(qb, base, parameters);
      parameters[name] = value;
      return `:${name}`;
    },
    ownedByUnits:
      memberships &&
      ((units) => {
        const metadata = qb.connection.getMetadata(memberships.entity);
        const member = qb.escape('acl_membership');
        const table = metadata.tablePath.split('.').map((part) => qb.escape(part)).join('.');
        const memberColumn = (property: string) => `${member}.${qb.escape(databaseColumn(metadata, property))}`;
        const owner = column(requireColumn(options, 'ownerUserId', scope));
        return `EXISTS (SELECT 1 FROM ${table} ${member} WHERE ${memberColumn(memberships.userId)} = ${owner} AND ${memberColumn(memberships.businessUnitId)} = ANY(${units}))`;
      }),
  });
  return qb.andWhere(condition!, parameters);
}

/**
 * TypeORM joins where clauses without brackets, so `a OR b` followed by our AND would read
 * `a OR (b AND scope)` and leak rows matching `a`. Nesting the existing clauses brackets them.
 */
function isolateExistingConditions(qb: SelectQueryBuilder<ObjectLiteral>): void {
  const wheres = qb.expressionMap.wheres;
  if (wheres.some((clause) => clause.type === 'or')) {
    qb.expressionMap.wheres = [{ type: 'simple', condition: wheres }];
  }
}

function columnSql(qb: SelectQueryBuilder<ObjectLiteral>, alias: string, property: string): string {
  const metadata = qb.expressionMap.findAliasByName(alias).metadata;
  return `${qb.escape(alias)}.${qb.escape(databaseColumn(metadata, property))}`;
}

function databaseColumn(metadata: { name: string; findColumnsWithPropertyPath(path: string): { databaseName: string }[] }, property: string): string {
  const found = metadata.findColumnsWithPropertyPath(property);
  if (found.length !== 1) {
    throw new TypeError(`entity ${metadata.name} has no single column for property ${property}`);
  }
  return found[0].databaseName;
}

/** A parameter name the query (and this scope so far) does not use yet, so two scopes on one query do not collide. */
function freeParameter(qb: SelectQueryBuilder<ObjectLiteral>, base: string, pending: ObjectLiteral): string {
  const taken = qb.getParameters();
  let name = base;
  for (let suffix = 1; name in taken || name in pending; suffix++) name = `${base}${suffix}`;
  return name;
}
