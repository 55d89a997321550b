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
  /** Always needed: every scope below GLOBAL is confined to the current organization. */
  readonly organizationId: string;
}

/** The property a scope level needs, or a clear error naming it. */
export function requireColumn(columns: ScopeColumns, key: keyof ScopeColumns, scope: AclScope): string {
  const column = columns[key];
  if (typeof column !== 'string' || column === '') {
    throw new TypeError(`a ${scope.level} scope needs the ${key} column`);
  }
  return column;
}
