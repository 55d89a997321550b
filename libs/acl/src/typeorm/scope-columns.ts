import { AclScope } from '../scope';

/**
 * Which entity properties hold the ownership data a scope filters on. Property paths, not database
 * column names; a dotted path (`owner.id`) goes through a relation.
 */
export interface ScopeColumns {
  /** Needed for USER scopes (USER-owned entities). */
  readonly ownerUserId?: string;
  /**
   * Needed for BUSINESS_UNIT and DIVISION scopes: the owning unit of a BUSINESS_UNIT-owned record,
   * and for a USER-owned record its denormalised owning unit (see the README).
   */
  readonly ownerBusinessUnitId?: string;
  /** The record's one organization. Every scope below GLOBAL is confined to the current organization. */
  readonly organizationId?: string;
  /**
   * Instead of organizationId, for a record that belongs to several organizations (a user): an array
   * property; the record lies in the scope's organization when that organization is among them.
   */
  readonly organizationIds?: string;
}

/** The property a scope level needs, or a clear error naming it. */
export function requireColumn(columns: ScopeColumns, key: keyof ScopeColumns, scope: AclScope): string {
  const column = columns[key];
  if (typeof column !== 'string' || column === '') {
    throw new TypeError(`a ${scope.level} scope needs the ${key} column`);
  }
  return column;
}

/** Which organization property the columns name: the single one, or the array of a record in several. */
export function organizationColumn(columns: ScopeColumns, scope: AclScope): { key: 'organizationId' | 'organizationIds'; property: string } {
  if (columns.organizationIds !== undefined) return { key: 'organizationIds', property: requireColumn(columns, 'organizationIds', scope) };
  return { key: 'organizationId', property: requireColumn(columns, 'organizationId', scope) };
}
