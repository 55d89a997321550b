import { AclScope } from './scope';

/**
 * Where a write puts a record or a membership: an organization, and the business unit inside it when
 * there is one (a user's owner unit, a unit it joins; an organization it joins has none).
 */
export interface Placement {
  readonly organizationId: string;
  readonly businessUnitId?: string | null;
}

/**
 * Whether a scope reaches a placement: GLOBAL everywhere; ORGANIZATION inside the current
 * organization; BUSINESS_UNIT and DIVISION the scope's units (an organization alone: the current one);
 * USER and NONE no placement, since only the subject's own records lie in a USER scope.
 * "Writes are scoped too": each placement a write gives (or takes away) must lie in the action's scope.
 */
export function placementInScope(scope: AclScope, placement: Placement): boolean {
  switch (scope.level) {
    case 'GLOBAL':
      return true;
    case 'ORGANIZATION':
      return placement.organizationId === scope.organizationId;
    case 'BUSINESS_UNIT':
    case 'DIVISION':
      if (placement.organizationId !== scope.organizationId) return false;
      return placement.businessUnitId == null || scope.businessUnitIds.includes(placement.businessUnitId);
    default:
      return false;
  }
}

/** The placements the scope does not reach, in input order. */
export function placementsOutOfScope<T extends Placement>(scope: AclScope, placements: readonly T[]): T[] {
  return placements.filter((placement) => !placementInScope(scope, placement));
}
