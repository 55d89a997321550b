import type { BusinessUnitNode } from '@app/acl';

/**
 * The units whose parent chain reaches a root, parents first. Events can arrive out of order (a unit
 * before its parent), so a unit waits outside the tree until its whole chain is known; a cycle
 * (which identity never builds) is left out the same way instead of failing every check.
 */
export function reachableUnits(units: readonly BusinessUnitNode[]): BusinessUnitNode[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const childrenOf = new Map<string, BusinessUnitNode[]>();
  const result: BusinessUnitNode[] = [];
  for (const unit of units) {
    const parent = unit.parentId ? byId.get(unit.parentId) : undefined;
    if (!unit.parentId) result.push(unit);
    else if (parent && parent.organizationId === unit.organizationId) childrenOf.set(parent.id, [...(childrenOf.get(parent.id) ?? []), unit]);
  }
  for (let next = 0; next < result.length; next++) result.push(...(childrenOf.get(result[next].id) ?? []));
  return result;
}
