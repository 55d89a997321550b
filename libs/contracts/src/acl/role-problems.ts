import { AclCatalogue, validateRole } from '@app/acl';
import { FieldProblem } from '../errors/error-body';
import { SUITE_ACL } from './suite-catalogue';
import { TICKET_ENTITY_NAMES } from './tickets-catalogue';

/** libs/acl's problems with a role body as 400 details, in the suite's dotted field style (`permissions.2.level`). */
export function roleProblems(catalogue: AclCatalogue, body: unknown): FieldProblem[] {
  const byField = new Map<string, string[]>();
  for (const { path, message } of validateRole(catalogue, body)) {
    const field = path.replace(/\[(\d+)\]/g, '.$1') || '(body)';
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}

/**
 * Problems with an identity role body (SUITE_ACL): a grant on a ticket entity is refused saying where
 * such grants belong, since tickets' own security roles alone govern those entities.
 */
export function identityRoleProblems(body: unknown): FieldProblem[] {
  return roleProblems(SUITE_ACL, body).map((problem) => {
    const match = /^(permissions|fieldPermissions)\.(\d+)\.entity$/.exec(problem.field);
    const list = match ? (body as Record<string, unknown>)[match[1]] : undefined;
    const entity = Array.isArray(list) ? (list[Number(match![2])] as { entity?: unknown })?.entity : undefined;
    if (typeof entity !== 'string' || !TICKET_ENTITY_NAMES.includes(entity)) return problem;
    return { field: problem.field, messages: [`${entity} is governed by tickets security roles (/api/tickets/roles), not by identity roles`] };
  });
}
