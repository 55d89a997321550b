import { SetMetadata } from '@nestjs/common';
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

export const RequirePermission = (entity: string, action: string): MethodDecorator =>
  SetMetadata(ACCESS_REQUIREMENT, { kind: 'entity', entity, action } satisfies AccessRequirement);

/** A ticket entity's permission, granted by tickets' own security roles to an ACTIVE tickets user. */
export const RequireTicketPermission = (entity: string, action: string): MethodDecorator =>
  SetMetadata(ACCESS_REQUIREMENT, { kind: 'tickets', entity, action } satisfies AccessRequirement);

export const RequireCapability = (capability: string): MethodDecorator =>
  SetMetadata(ACCESS_REQUIREMENT, { kind: 'capability', capability } satisfies AccessRequirement);

/** A portal feature the caller's portal access must open (else 403 PORTAL_FEATURE_DISABLED). */
export const RequirePortalFeature = (feature: PortalFeatureKey): MethodDecorator =>
  SetMetadata(ACCESS_REQUIREMENT, { kind: 'portal', feature } satisfies AccessRequirement);

/** Any logged-in user, e.g. their own profile or the portal home everybody has. */
export const Authenticated = (): MethodDecorator => SetMetadata(ACCESS_REQUIREMENT, { kind: 'authenticated' } satisfies AccessRequirement);
