import { AclScope, recordInScope } from '../scope';
import { ScopeColumns } from './scope-columns';

/**
 * The in-memory twin of scopeToWhere, applyScope and scopeCondition, for one loaded record described
 * by the same columns: a record of several organizations counts in the scope's organization when that
 * organization is among them.
 */
export function recordMatchesScope(scope: AclScope, columns: ScopeColumns, record: object): boolean {
  const read = (property: string | undefined): unknown =>
    property === undefined ? undefined : property.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | null | undefined)?.[part], record);
  const organizationIds = columns.organizationIds === undefined ? undefined : ((read(columns.organizationIds) as string[] | null) ?? []);
  const organizationId =
    organizationIds === undefined ? (read(columns.organizationId) as string | null) : 'organizationId' in scope && organizationIds.includes(scope.organizationId) ? scope.organizationId : null;
  return recordInScope(scope, {
    organizationId,
    ownerUserId: read(columns.ownerUserId) as string | null | undefined,
    ownerBusinessUnitId: read(columns.ownerBusinessUnitId) as string | null | undefined,
  });
}
