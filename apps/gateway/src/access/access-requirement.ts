import { applyDecorators, SetMetadata, UseInterceptors } from '@nestjs/common';
import type { PortalFeatureKey } from '@app/contracts';
import { FieldAccessInterceptor } from './field-access.interceptor';
import { ACCESS_REQUIREMENT, AccessRequirement } from './requirement-metadata';

/**
 * An entity permission of identity's roles, with the field-level ACL on what the route takes and
 * answers (FieldAccessInterceptor): both come with the one decorator, so an entity route cannot have
 * the one without the other. Other routes have no entity fields to judge, and no interceptor: Nest
 * then skips its interceptor pipeline, whose observables were a share of the gateway's work on every
 * request (docs/BENCHMARKS.md, "Read, fourth round").
 */
export const RequirePermission = (entity: string, action: string): MethodDecorator =>
  applyDecorators(SetMetadata(ACCESS_REQUIREMENT, { kind: 'entity', entity, action } satisfies AccessRequirement), UseInterceptors(FieldAccessInterceptor));

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
