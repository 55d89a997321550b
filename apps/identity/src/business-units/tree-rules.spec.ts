import { moveProblem, treeOrder, UnitLink } from './tree-rules';

//        root
//       /    \
//     a        b
//     |
//     a1
const units: UnitLink[] = [
  { id: 'root', parentId: null, organizationId: 'o1' },
  { id: 'a', parentId: 'root', organizationId: 'o1' },
  { id: 'a1', parentId: 'a', organizationId: 'o1' },
  { id: 'b', parentId: 'root', organizationId: 'o1' },
  { id: 'other', parentId: null, organizationId: 'o2' },
];

describe('moveProblem', () => {
  it('allows a move to a unit outside the branch', () => {
    expect(moveProblem(units, 'a', 'b')).toBeNull();
    expect(moveProblem(units, 'a1', 'root')).toBeNull();
    expect(moveProblem(units, 'b', 'a1')).toBeNull();
  });

  it('refuses the unit itself, a child and a grandchild', () => {
    expect(moveProblem(units, 'a', 'a')).toMatch(/own parent/);
    expect(moveProblem(units, 'a', 'a1')).toMatch(/descendant/);
    expect(moveProblem(units, 'root', 'a1')).toMatch(/descendant/);
    expect(moveProblem(units, 'root', 'b')).toMatch(/descendant/);
  });

  it('refuses a parent of another organization and unknown units', () => {
    expect(moveProblem(units, 'a', 'other')).toMatch(/another organization/);
    expect(moveProblem(units, 'a', 'nope')).toMatch(/unknown/);
    expect(moveProblem(units, 'nope', 'a')).toMatch(/unknown/);
  });

  it('terminates on a tree that already holds a cycle', () => {
    const broken: UnitLink[] = [
      { id: 'x', parentId: 'y', organizationId: 'o1' },
      { id: 'y', parentId: 'x', organizationId: 'o1' },
      { id: 'z', parentId: null, organizationId: 'o1' },
    ];
    expect(moveProblem(broken, 'z', 'x')).toBeNull();
  });
});

describe('treeOrder', () => {
  it('puts each parent before its children, siblings by name, with depths', () => {
    const named = units.filter((u) => u.organizationId === 'o1').map((u) => ({ ...u, name: u.id.toUpperCase() }));
    expect(treeOrder([...named].reverse()).map((u) => `${u.depth}:${u.id}`)).toEqual(['0:root', '1:a', '2:a1', '1:b']);
  });

  it('shows a unit whose parent is not listed as a top node', () => {
    expect(treeOrder([{ id: 'a1', parentId: 'a', organizationId: 'o1', name: 'A1' }]).map((u) => u.depth)).toEqual([0]);
  });
});
