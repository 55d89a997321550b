/** One of the user's role assignments, as login-role selection needs it. */
export interface AssignedRole {
  id: string;
  name: string;
  fixed: boolean;
  isDefault: boolean;
}

export type LoginRoleResult<T extends AssignedRole = AssignedRole> = { ok: true; active: T[]; selected: boolean } | { ok: false; unknown: string[] };

/**
 * Aurea's login roles: without a selection, fixed + default; with one, fixed + selected. A selected
 * name the user does not hold is refused, so nobody gets less (or more) than they asked for silently.
 */
export function activeLoginRoles<T extends AssignedRole>(assigned: T[], selection: string[] | undefined): LoginRoleResult<T> {
  if (selection === undefined) return { ok: true, active: assigned.filter((r) => r.fixed || r.isDefault), selected: false };
  const byName = new Map(assigned.map((r) => [r.name, r]));
  const unknown = selection.filter((name) => !byName.has(name));
  if (unknown.length) return { ok: false, unknown };
  const wanted = new Set(selection);
  return { ok: true, active: assigned.filter((r) => r.fixed || wanted.has(r.name)), selected: true };
}
