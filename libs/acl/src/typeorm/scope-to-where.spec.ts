import { And, ArrayContains, Equal, In } from 'typeorm';
import { AclScope, GLOBAL_SCOPE, NONE_SCOPE } from '../scope';
import { recordMatchesScope } from './record-in-scope';
import { scopeCondition } from './scope-condition';
import { scopeToWhere, withScope } from './scope-to-where';

const columns = { ownerUserId: 'ownerId', ownerBusinessUnitId: 'businessUnitId', organizationId: 'organizationId' };

describe('scopeToWhere', () => {
  it.each<[string, AclScope, object]>([
    ['GLOBAL', GLOBAL_SCOPE, {}],
    ['ORGANIZATION', { level: 'ORGANIZATION', organizationId: 'o1' }, { organizationId: 'o1' }],
    ['USER', { level: 'USER', organizationId: 'o1', userId: 'u1' }, { organizationId: 'o1', ownerId: 'u1' }],
    [
      'BUSINESS_UNIT',
      { level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a', 'b'] },
      { organizationId: 'o1', businessUnitId: In(['a', 'b']) },
    ],
    ['DIVISION', { level: 'DIVISION', organizationId: 'o1', businessUnitIds: ['a'] }, { organizationId: 'o1', businessUnitId: In(['a']) }],
    [
      'BUSINESS_UNIT (USER-owned)',
      { level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'], userId: 'u1' },
      [{ organizationId: 'o1', ownerId: 'u1' }, { organizationId: 'o1', businessUnitId: In(['a']) }],
    ],
    [
      'DIVISION (USER-owned, no units)',
      { level: 'DIVISION', organizationId: 'o1', businessUnitIds: [], userId: 'u1' },
      { organizationId: 'o1', ownerId: 'u1' },
    ],
    ['NONE', NONE_SCOPE, { organizationId: In([]) }],
  ])('turns a %s scope into a where object', (_, scope, expected) => {
    expect(scopeToWhere(scope, columns)).toEqual(expected);
  });

  it('follows dotted property paths through relations', () => {
    const where = scopeToWhere(
      { level: 'USER', organizationId: 'o1', userId: 'u1' },
      { ownerUserId: 'owner.id', organizationId: 'organization.id' },
    );
    expect(where).toEqual({ owner: { id: 'u1' }, organization: { id: 'o1' } });
  });

  it('names the column a scope needs but did not get', () => {
    expect(() => scopeToWhere({ level: 'USER', organizationId: 'o1', userId: 'u1' }, { organizationId: 'org' })).toThrow(
      'a USER scope needs the ownerUserId column',
    );
    expect(() => scopeToWhere({ level: 'DIVISION', organizationId: 'o1', businessUnitIds: [] }, { organizationId: 'org' })).toThrow(
      'a DIVISION scope needs the ownerBusinessUnitId column',
    );
  });
});

describe('withScope', () => {
  const userScope: AclScope = { level: 'USER', organizationId: 'o1', userId: 'u1' };

  it('adds the scope to a where object without touching other filters', () => {
    expect(withScope({ status: 'OPEN' }, userScope, columns)).toEqual({ status: 'OPEN', organizationId: 'o1', ownerId: 'u1' });
  });

  it('joins a filter on a scoped column with And instead of replacing it', () => {
    expect(withScope({ ownerId: 'u2' }, userScope, columns)).toEqual({ ownerId: And(Equal('u2'), Equal('u1')), organizationId: 'o1' });
  });

  it('scopes every OR branch, and an empty OR list', () => {
    expect(withScope([{ status: 'OPEN' }, { status: 'NEW' }], userScope, columns)).toEqual([
      { status: 'OPEN', organizationId: 'o1', ownerId: 'u1' },
      { status: 'NEW', organizationId: 'o1', ownerId: 'u1' },
    ]);
    expect(withScope([], userScope, columns)).toEqual({ organizationId: 'o1', ownerId: 'u1' });
    expect(withScope(undefined, userScope, columns)).toEqual({ organizationId: 'o1', ownerId: 'u1' });
  });

  it('crosses OR branches of the filter with OR branches of the scope', () => {
    const unitScope: AclScope = { level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'], userId: 'u1' };
    expect(withScope([{ status: 'OPEN' }, { status: 'NEW' }], unitScope, columns)).toEqual([
      { status: 'OPEN', organizationId: 'o1', ownerId: 'u1' },
      { status: 'OPEN', organizationId: 'o1', businessUnitId: In(['a']) },
      { status: 'NEW', organizationId: 'o1', ownerId: 'u1' },
      { status: 'NEW', organizationId: 'o1', businessUnitId: In(['a']) },
    ]);
  });

  it('merges into nested relation filters', () => {
    const where = withScope({ owner: { username: 'bob' } }, userScope, { ownerUserId: 'owner.id', organizationId: 'organizationId' });
    expect(where).toEqual({ owner: { username: 'bob', id: 'u1' }, organizationId: 'o1' });
  });
});

describe('a record in several organizations', () => {
  const several = { ownerBusinessUnitId: 'ownerBusinessUnitId', organizationIds: 'organizationIds' };

  it('matches the organization among the array in a where object', () => {
    expect(scopeToWhere({ level: 'ORGANIZATION', organizationId: 'o1' }, several)).toEqual({ organizationIds: ArrayContains(['o1']) });
    expect(scopeToWhere({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'] }, several)).toEqual({
      organizationIds: ArrayContains(['o1']),
      ownerBusinessUnitId: In(['a']),
    });
    expect(scopeToWhere(NONE_SCOPE, several)).toEqual({ organizationIds: In([]) });
  });

  it('is one SQL condition with positional parameters, for hand-written SQL', () => {
    const sqlColumns = { ownerBusinessUnitId: 'u.owner_business_unit_id', organizationIds: 'u.organization_ids' };
    expect(scopeCondition(GLOBAL_SCOPE, sqlColumns)).toEqual({ sql: 'true', params: [] });
    expect(scopeCondition(NONE_SCOPE, sqlColumns)).toEqual({ sql: '1 = 0', params: [] });
    expect(scopeCondition({ level: 'ORGANIZATION', organizationId: 'o1' }, sqlColumns, 3)).toEqual({
      sql: '($3 = ANY(u.organization_ids))',
      params: ['o1'],
    });
    expect(scopeCondition({ level: 'DIVISION', organizationId: 'o1', businessUnitIds: ['a', 'b'] }, sqlColumns, 2)).toEqual({
      sql: '($2 = ANY(u.organization_ids) AND (u.owner_business_unit_id = ANY($3)))',
      params: ['o1', ['a', 'b']],
    });
  });

  it('is checked in memory by the same columns', () => {
    const user = { organizationIds: ['o1', 'o2'], ownerBusinessUnitId: 'a' };
    expect(recordMatchesScope(NONE_SCOPE, several, user)).toBe(false);
    expect(recordMatchesScope(GLOBAL_SCOPE, several, user)).toBe(true);
    expect(recordMatchesScope({ level: 'ORGANIZATION', organizationId: 'o2' }, several, user)).toBe(true);
    expect(recordMatchesScope({ level: 'ORGANIZATION', organizationId: 'o3' }, several, user)).toBe(false);
    expect(recordMatchesScope({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'] }, several, user)).toBe(true);
    expect(recordMatchesScope({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['b'] }, several, user)).toBe(false);
    expect(recordMatchesScope({ level: 'DIVISION', organizationId: 'o3', businessUnitIds: ['a'] }, several, user)).toBe(false);
  });
});
