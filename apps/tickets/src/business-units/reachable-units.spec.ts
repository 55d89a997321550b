import { buildOwnerTree } from '@app/acl';
import { reachableUnits } from './reachable-units';

const unit = (id: string, parentId: string | null, organizationId = 'o1') => ({ id, parentId, organizationId });

describe('reachableUnits', () => {
  it('keeps a whole tree, parents before children, whatever order the units came in', () => {
    const units = [unit('c', 'b'), unit('b', 'a'), unit('a', null), unit('d', 'a')];
    const ids = reachableUnits(units).map((u) => u.id);
    expect(new Set(ids)).toEqual(new Set(['a', 'b', 'c', 'd']));
    expect(ids.indexOf('a')).toBeLessThan(ids.indexOf('b'));
    expect(ids.indexOf('b')).toBeLessThan(ids.indexOf('c'));
    expect(buildOwnerTree(reachableUnits(units)).subordinatesOf('a')).toEqual(new Set(['b', 'c', 'd']));
  });

  it('leaves out units whose parent has not arrived, cycles, and parents in another organization', () => {
    const units = [unit('a', null), unit('orphan', 'missing'), unit('x', 'y'), unit('y', 'x'), unit('foreign', 'a', 'o2')];
    expect(reachableUnits(units).map((u) => u.id)).toEqual(['a']);
  });
});
