import type { AclScope } from '@app/acl';
import { recordInScope } from '@app/acl';
import { ServiceError } from '@app/service-kit';

export const DEFAULT_LIMIT = 50;

export interface Page<T> {
  items: T[];
  total: number;
}

export const pageOf = (query: { limit?: number; offset?: number }) => ({ limit: query.limit ?? DEFAULT_LIMIT, offset: query.offset ?? 0 });

/** The scope a request carries; a directory route without one reaches nothing. */
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

/** Maps a unique-index violation to a 400 naming the field it protects; rethrows anything else. */
export function rethrowUnique(error: unknown, fields: Record<string, string>): never {
  const field = fields[(error as { constraint?: string })?.constraint ?? ''];
  if (field) throw ServiceError.badInput([{ field, messages: [`${field} is already taken`] }]);
  throw error;
}

/** `ILIKE` pattern for a literal search text. */
export const containsPattern = (text: string): string => `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
