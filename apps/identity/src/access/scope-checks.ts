import type { AclScope } from '@app/acl';
import { recordMatchesScope, ScopeColumns } from '@app/acl/typeorm';
import { ServiceError } from '@app/service-kit';

/** The scope a request carries; a route without one reaches nothing (DESIGN.md section 3). */
export const scopeOf = (request: { scope?: AclScope }): AclScope => request.scope ?? { level: 'NONE' };

/**
 * A single record the caller asks for must exist (404) and lie within its scope (403), judged by the
 * same columns that scope the resource's lists.
 */
export function assertInScope<Record extends object>(scope: AclScope, columns: ScopeColumns, record: Record | null, what: string): asserts record is Record {
  if (!record) throw ServiceError.notFound(what);
  if (!recordMatchesScope(scope, columns, record)) throw outOfScope(what);
}

/** 403 for an action whose target lies outside the caller's scope but whose existence they may know. */
export const outOfScope = (what: string): ServiceError => new ServiceError(403, `Access denied: ${what} is outside your access level.`, 'ACCESS_DENIED');
