import type { PortalFeatureKey } from '@app/contracts';

/**
 * What a route needs beyond a valid session: an entity permission of identity's roles, a permission
 * of the caller's tickets roles (ticket entities: DESIGN.md section 6), a capability, or nothing more.
 */
export type AccessRequirement =
  | { kind: 'entity'; entity: string; action: string }
  | { kind: 'tickets'; entity: string; action: string }
  | { kind: 'capability'; capability: string }
  | { kind: 'portal'; feature: PortalFeatureKey }
  | { kind: 'authenticated' };

export const ACCESS_REQUIREMENT = 'access:requirement';
