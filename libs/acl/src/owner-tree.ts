import { OwnerTreeError } from './errors';

/** A business unit as the owner tree needs it. */
export interface BusinessUnitNode {
  readonly id: string;
  /** null/undefined for a root unit; a parent must be in the same organization. */
  readonly parentId?: string | null;
  readonly organizationId: string;
}

const EMPTY: ReadonlySet<string> = new Set<string>();

/**
 * The business-unit forest with every unit's subordinates (all units below it, at any depth)
 * precomputed once, as OroPlatform's OwnerTree does, so a DIVISION check is a set lookup.
 * Build it when the units change, not per request.
 */
export class OwnerTree {
  private readonly organizationByUnit = new Map<string, string>();
  private readonly parentByUnit = new Map<string, string | undefined>();
  private readonly subordinatesByUnit = new Map<string, ReadonlySet<string>>();
  private readonly unitsByOrganization = new Map<string, string[]>();

  private constructor(units: readonly BusinessUnitNode[]) {
    const problems: string[] = [];
    for (const unit of units) {
      if (typeof unit?.id !== 'string' || unit.id === '') {
        problems.push(`business unit ${JSON.stringify(unit?.id)} has no id`);
      } else if (this.organizationByUnit.has(unit.id)) {
        problems.push(`business unit ${unit.id} is listed twice`);
      } else if (typeof unit.organizationId !== 'string' || unit.organizationId === '') {
        problems.push(`business unit ${unit.id} has no organizationId`);
      } else {
        this.organizationByUnit.set(unit.id, unit.organizationId);
        this.parentByUnit.set(unit.id, unit.parentId ?? undefined);
      }
    }
    const childrenByUnit = new Map<string, string[]>();
    const roots: string[] = [];
    for (const [id, parentId] of this.parentByUnit) {
      if (parentId === undefined) {
        roots.push(id);
        continue;
      }
      const parentOrganization = this.organizationByUnit.get(parentId);
      if (parentOrganization === undefined) {
        problems.push(`business unit ${id} has unknown parent ${parentId}`);
      } else if (parentOrganization !== this.organizationByUnit.get(id)) {
        problems.push(`business unit ${id} is in organization ${this.organizationByUnit.get(id)} but its parent ${parentId} is in ${parentOrganization}`);
      } else {
        const siblings = childrenByUnit.get(parentId);
        if (siblings) siblings.push(id);
        else childrenByUnit.set(parentId, [id]);
      }
    }
    if (problems.length) throw new OwnerTreeError(`invalid business-unit tree: ${problems.join('; ')}`);

    // Parents before children; whatever a walk from the roots does not reach sits on a cycle.
    const topDown: string[] = [...roots];
    for (let next = 0; next < topDown.length; next++) {
      const children = childrenByUnit.get(topDown[next]);
      if (children) topDown.push(...children);
    }
    if (topDown.length !== this.parentByUnit.size) {
      const reached = new Set(topDown);
      const onCycle = [...this.parentByUnit.keys()].filter((id) => !reached.has(id));
      throw new OwnerTreeError(`invalid business-unit tree: parent links form a cycle through ${onCycle.join(', ')}`);
    }

    // Children before parents, so each unit's set is its children plus their (finished) sets.
    for (let position = topDown.length - 1; position >= 0; position--) {
      const id = topDown[position];
      const children = childrenByUnit.get(id);
      if (!children) {
        this.subordinatesByUnit.set(id, EMPTY);
        continue;
      }
      const subordinates = new Set<string>();
      for (const child of children) {
        subordinates.add(child);
        for (const below of this.subordinatesByUnit.get(child)!) subordinates.add(below);
      }
      this.subordinatesByUnit.set(id, subordinates);
    }
    for (const id of topDown) {
      const organizationId = this.organizationByUnit.get(id)!;
      const list = this.unitsByOrganization.get(organizationId);
      if (list) list.push(id);
      else this.unitsByOrganization.set(organizationId, [id]);
    }
  }

  /** Throws OwnerTreeError for duplicate ids, unknown parents, parents in another organization or cycles. */
  static build(units: readonly BusinessUnitNode[]): OwnerTree {
    return new OwnerTree(units);
  }

  get size(): number {
    return this.organizationByUnit.size;
  }

  has(unitId: string): boolean {
    return this.organizationByUnit.has(unitId);
  }

  organizationOf(unitId: string): string | undefined {
    return this.organizationByUnit.get(unitId);
  }

  parentOf(unitId: string): string | undefined {
    return this.parentByUnit.get(unitId);
  }

  /** Every unit below `unitId` at any depth, without `unitId` itself; empty for an unknown unit. */
  subordinatesOf(unitId: string): ReadonlySet<string> {
    return this.subordinatesByUnit.get(unitId) ?? EMPTY;
  }

  /** The organization's units, parents before children. */
  unitsOf(organizationId: string): readonly string[] {
    return this.unitsByOrganization.get(organizationId) ?? [];
  }
}

export function buildOwnerTree(units: readonly BusinessUnitNode[]): OwnerTree {
  return OwnerTree.build(units);
}
