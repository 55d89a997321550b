import { AclCatalogue, validateRole } from '@app/acl';
import { FieldProblem } from '../errors/error-body';

/** libs/acl's problems with a role body as 400 details, in the suite's dotted field style (`permissions.2.level`). */
export function roleProblems(catalogue: AclCatalogue, body: unknown): FieldProblem[] {
  const byField = new Map<string, string[]>();
  for (const { path, message } of validateRole(catalogue, body)) {
    const field = path.replace(/\[(\d+)\]/g, '.$1') || '(body)';
    byField.set(field, [...(byField.get(field) ?? []), message]);
  }
  return [...byField].map(([field, messages]) => ({ field, messages }));
}
