import { useQuery } from '@tanstack/react-query';
import type { TreeNodeData } from '@mantine/core';
import { api } from '../../api/client';
import { Page } from '../../api/types';

/** `/api/business-units` as the tree page reads it (BusinessUnitView). */
export interface Unit {
  id: string;
  name: string;
  organizationId: string;
  parentId: string | null;
  depth: number;
}

export const unitKeys = {
  all: ['business-units'] as const,
  organizations: ['business-units', 'organizations'] as const,
  tree: (organizationId: string) => ['business-units', 'tree', organizationId] as const,
};

/** One organization's units in scope, in tree order (the API caps a page at 500). */
export const useUnits = (organizationId: string | null) =>
  useQuery({
    queryKey: unitKeys.tree(organizationId ?? ''),
    queryFn: () => api.get<Page<Unit>>('/api/business-units', { query: { organizationId: organizationId!, limit: 500 } }).then((page) => page.items),
    enabled: organizationId !== null,
  });

export const useOrganizations = (enabled: boolean) =>
  useQuery({
    queryKey: unitKeys.organizations,
    queryFn: () => api.get<Page<{ id: string; name: string }>>('/api/organizations', { query: { limit: 500 } }).then((page) => page.items),
    enabled,
  });

/** The nested tree of a flat list; a unit whose parent is out of scope is shown at the top. */
export function unitTree(units: Unit[]): TreeNodeData[] {
  const ids = new Set(units.map((u) => u.id));
  const children = new Map<string | null, Unit[]>();
  for (const unit of units) {
    const parent = unit.parentId !== null && ids.has(unit.parentId) ? unit.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), unit]);
  }
  const build = (parent: string | null): TreeNodeData[] =>
    (children.get(parent) ?? []).map((unit) => ({ value: unit.id, label: unit.name, children: build(unit.id) }));
  return build(null);
}

/** A unit and everything below it: a unit cannot move there (the API says so too). */
export function branchOf(units: Unit[], id: string): Set<string> {
  const branch = new Set([id]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentId && branch.has(unit.parentId) && !branch.has(unit.id)) {
        branch.add(unit.id);
        grew = true;
      }
    }
  }
  return branch;
}
