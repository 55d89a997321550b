import { changedIds } from './role-set-change';

describe('changedIds', () => {
  it('lists the roles given, then those taken, and nothing kept', () => {
    expect(changedIds(['a', 'b'], ['b', 'c'])).toEqual(['c', 'a']);
    expect(changedIds(['a'], ['a'])).toEqual([]);
    expect(changedIds([], ['x'])).toEqual(['x']);
    expect(changedIds(['x'], [])).toEqual(['x']);
  });
});
