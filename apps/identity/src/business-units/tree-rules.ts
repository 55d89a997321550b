/** A unit as the tree rules see it. */
export interface UnitLink {
  id: string;
  parentId: string | null;
  organizationId: string;
}

/**
 * Why `unitId` may not move under `newParentId` in the given units of one organization, or null:
 * the parent must exist, belong to the unit's organization, and be neither the unit nor below it
 * (that would cut the branch off the tree into a cycle).
 */
export function moveProblem(units: readonly UnitLink[], unitId: string, newParentId: string): string | null {
  const byId = new Map(units.map((u) => [u.id, u]));
  const unit = byId.get(unitId);
  const parent = byId.get(newParentId);
  if (!unit) return `unknown business unit ${unitId}`;
  if (!parent) return `unknown business unit ${newParentId}`;
  if (parent.organizationId !== unit.organizationId) return 'parentId belongs to another organization';
  if (newParentId === unitId) return 'a business unit cannot be its own parent';
  // Walk up from the new parent: reaching the unit means the parent sits in the unit's own branch.
  const seen = new Set<string>();
  for (let node: UnitLink | undefined = parent; node; node = node.parentId ? byId.get(node.parentId) : undefined) {
    if (node.id === unitId) return 'parentId is a descendant of the business unit; moving there would make a cycle';
    if (seen.has(node.id)) break;
    seen.add(node.id);
  }
  return null;
}

/** Units in tree order (each parent before its children, siblings by name) with their depth. */
export function treeOrder<T extends UnitLink & { name: string }>(units: readonly T[]): (T & { depth: number })[] {
  const children = new Map<string | null, T[]>();
  const ids = new Set(units.map((u) => u.id));
  for (const unit of units) {
    // A unit whose parent is not among the given ones (out of scope) is shown as a top node.
    const key = unit.parentId && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(key, [...(children.get(key) ?? []), unit]);
  }
  const ordered: (T & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    const below = [...(children.get(parentId) ?? [])].sort((a, b) => a.name.localeCompare(b.name) || a.id.localeCompare(b.id));
    for (const unit of below) {
      ordered.push({ ...unit, depth });
      visit(unit.id, depth + 1);
    }
  };
  visit(null, 0);
  return ordered;
}
