import { AclRecord } from './record';

/**
 * Where a subject may do an action on an entity: the level plus the ids it covers. Plain JSON data,
 * so the gateway can hand it to a service over the bus and the service can filter its queries.
 * Every level below GLOBAL is confined to the subject's current organization.
 */
export type AclScope = NoneScope | UserScope | BusinessUnitScope | DivisionScope | OrganizationScope | GlobalScope;

/** Nothing is allowed; as a query filter it matches no row. */
export interface NoneScope {
  readonly level: 'NONE';
}

/** Records owned by `userId` in the current organization. */
export interface UserScope {
  readonly level: 'USER';
  readonly organizationId: string;
  readonly userId: string;
}

/**
 * Records owned by one of `businessUnitIds` (or by a user in one of them) in the current organization.
 * For USER-owned entities `userId` is set: the subject's own records are in scope too, whatever unit
 * they are filed under, so that a higher level never reaches fewer records than USER does.
 */
export interface BusinessUnitScope {
  readonly level: 'BUSINESS_UNIT';
  readonly organizationId: string;
  readonly businessUnitIds: readonly string[];
  readonly userId?: string;
}

/** As BUSINESS_UNIT, with `businessUnitIds` already holding the subject's units and all their subordinates. */
export interface DivisionScope {
  readonly level: 'DIVISION';
  readonly organizationId: string;
  readonly businessUnitIds: readonly string[];
  readonly userId?: string;
}

/** Records of the current organization. */
export interface OrganizationScope {
  readonly level: 'ORGANIZATION';
  readonly organizationId: string;
}

/** Records of every organization. */
export interface GlobalScope {
  readonly level: 'GLOBAL';
}

export const NONE_SCOPE: NoneScope = Object.freeze({ level: 'NONE' });
export const GLOBAL_SCOPE: GlobalScope = Object.freeze({ level: 'GLOBAL' });

/**
 * Whether a record lies inside a scope: the in-memory twin of scopeToWhere, for callers that hold
 * a scope (e.g. received over the bus) rather than a Subject.
 */
export function recordInScope(scope: AclScope, record: AclRecord): boolean {
  switch (scope.level) {
    case 'NONE':
      return false;
    case 'GLOBAL':
      return true;
    case 'ORGANIZATION':
      return record.organizationId === scope.organizationId;
    case 'USER':
      return record.organizationId === scope.organizationId && record.ownerUserId === scope.userId;
    case 'BUSINESS_UNIT':
    case 'DIVISION': {
      if (record.organizationId !== scope.organizationId) return false;
      if (scope.userId !== undefined && record.ownerUserId === scope.userId) return true;
      const owners = record.ownerBusinessUnitIds;
      if (owners != null) return owners.some((id) => scope.businessUnitIds.includes(id));
      const owner = record.ownerBusinessUnitId;
      return owner != null && scope.businessUnitIds.includes(owner);
    }
  }
}
