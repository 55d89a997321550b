import { OwnerTreeError } from './errors';
import { buildOwnerTree } from './owner-tree';

describe('OwnerTree', () => {
  const tree = buildOwnerTree([
    { id: 'east-1', parentId: 'east', organizationId: 'o1' },
    { id: 'root', parentId: null, organizationId: 'o1' },
    { id: 'sales', parentId: 'root', organizationId: 'o1' },
    { id: 'east', parentId: 'sales', organizationId: 'o1' },
    { id: 'support', parentId: 'root', organizationId: 'o1' },
    { id: 'other-root', organizationId: 'o2' },
  ]);

  it('precomputes every unit below a unit, at any depth, without the unit itself', () => {
    expect([...tree.subordinatesOf('root')].sort()).toEqual(['east', 'east-1', 'sales', 'support']);
    expect([...tree.subordinatesOf('sales')].sort()).toEqual(['east', 'east-1']);
    expect([...tree.subordinatesOf('east-1')]).toEqual([]);
    expect([...tree.subordinatesOf('other-root')]).toEqual([]);
    expect([...tree.subordinatesOf('unknown')]).toEqual([]);
  });

  it('answers the same set object each time (no walk per check)', () => {
    expect(tree.subordinatesOf('root')).toBe(tree.subordinatesOf('root'));
  });

  it('knows organizations, parents and units per organization', () => {
    expect(tree.size).toBe(6);
    expect(tree.has('east')).toBe(true);
    expect(tree.has('west')).toBe(false);
    expect(tree.organizationOf('east-1')).toBe('o1');
    expect(tree.organizationOf('west')).toBeUndefined();
    expect(tree.parentOf('east')).toBe('sales');
    expect(tree.parentOf('root')).toBeUndefined();
    const o1 = tree.unitsOf('o1');
    expect([...o1].sort()).toEqual(['east', 'east-1', 'root', 'sales', 'support']);
    expect(o1.indexOf('root')).toBeLessThan(o1.indexOf('sales'));
    expect(o1.indexOf('sales')).toBeLessThan(o1.indexOf('east'));
    expect(tree.unitsOf('o3')).toEqual([]);
  });

  it('builds an empty tree', () => {
    expect(buildOwnerTree([]).size).toBe(0);
  });

  it.each([
    ['a duplicate id', [{ id: 'a', organizationId: 'o' }, { id: 'a', organizationId: 'o' }], 'business unit a is listed twice'],
    ['an unknown parent', [{ id: 'a', parentId: 'x', organizationId: 'o' }], 'business unit a has unknown parent x'],
    [
      'a parent in another organization',
      [{ id: 'a', organizationId: 'o1' }, { id: 'b', parentId: 'a', organizationId: 'o2' }],
      'business unit b is in organization o2 but its parent a is in o1',
    ],
    [
      'a cycle',
      [{ id: 'r', organizationId: 'o' }, { id: 'a', parentId: 'b', organizationId: 'o' }, { id: 'b', parentId: 'a', organizationId: 'o' }],
      'parent links form a cycle through a, b',
    ],
    ['a self-parent', [{ id: 'a', parentId: 'a', organizationId: 'o' }], 'cycle through a'],
    ['a missing organization', [{ id: 'a', organizationId: '' }], 'business unit a has no organizationId'],
  ])('rejects %s', (_, units, message) => {
    expect(() => buildOwnerTree(units)).toThrow(OwnerTreeError);
    expect(() => buildOwnerTree(units)).toThrow(message);
  });
});
