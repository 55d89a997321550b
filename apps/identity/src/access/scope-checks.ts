import type { AclScope } from '@app/acl';
import { recordInScope } from '@app/acl';
import { ServiceError } from '@app/service-kit';

/** The scope a request carries; a route without one reaches nothing (DESIGN.md section 3). */
export const scopeOf = (request: { scope?: AclScope }): AclScope => request.scope ?? { level: 'NONE' };

/** A single record the caller asks for must exist (404) and lie within its scope (403). */
export function assertInScope(
  scope: AclScope,
  record: { organizationId?: string; ownerBusinessUnitId?: string } | null,
  what: string,
): void {
  if (!record) throw ServiceError.notFound(what);
  if (!recordInScope(scope, record)) throw outOfScope(what);
}

/** 403 for an action whose target lies outside the caller's scope but whose existence they may know. */
export const outOfScope = (what: string): ServiceError => new ServiceError(403, `Access denied: ${what} is outside your access level.`, 'ACCESS_DENIED');
