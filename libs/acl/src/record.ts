/**
 * What a record check needs to know about a record. Fill in what the entity's ownership type has:
 * USER-owned: ownerUserId, the owner's business units, organizationId; BUSINESS_UNIT-owned:
 * ownerBusinessUnitId, organizationId; ORGANIZATION-owned: organizationId; NONE: nothing.
 */
export interface AclRecord {
  readonly ownerUserId?: string | null;
  /** The single (denormalised) owning business unit. Used when ownerBusinessUnitIds is absent. */
  readonly ownerBusinessUnitId?: string | null;
  /**
   * For a USER-owned record whose owner sits in several business units: all of them. When given,
   * it replaces ownerBusinessUnitId in BUSINESS_UNIT and DIVISION checks.
   */
  readonly ownerBusinessUnitIds?: readonly string[] | null;
  readonly organizationId?: string | null;
}
