import { userInScope, userScopeCondition } from './user-scope';

describe('userScopeCondition', () => {
  it('matches nothing without a scope, with NONE, and with USER', () => {
    expect(userScopeCondition(undefined, 'u', 1)).toEqual({ sql: '1 = 0', params: [] });
    expect(userScopeCondition({ level: 'NONE' }, 'u', 1).sql).toBe('1 = 0');
    expect(userScopeCondition({ level: 'USER', organizationId: 'o', userId: 'x' }, 'u', 1).sql).toBe('1 = 0');
  });

  it('matches everything at GLOBAL', () => {
    expect(userScopeCondition({ level: 'GLOBAL' }, 'u', 1)).toEqual({ sql: 'true', params: [] });
  });

  it('checks membership of the organization at ORGANIZATION', () => {
    expect(userScopeCondition({ level: 'ORGANIZATION', organizationId: 'o1' }, 'u', 3)).toEqual({
      sql: '($3 = ANY(u.organization_ids))',
      params: ['o1'],
    });
  });

  it('checks the organization and the owning unit at BUSINESS_UNIT and DIVISION', () => {
    const condition = userScopeCondition({ level: 'DIVISION', organizationId: 'o1', businessUnitIds: ['a', 'b'] }, 'x', 2);
    expect(condition.sql).toBe('($2 = ANY(x.organization_ids) AND (x.owner_business_unit_id = ANY($3)))');
    expect(condition.params).toEqual(['o1', ['a', 'b']]);
  });

  it('ignores a stray user id on a unit scope: User has no owning user', () => {
    const condition = userScopeCondition({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'], userId: 'x' }, 'u', 1);
    expect(condition.params).toEqual(['o1', ['a']]);
  });
});

describe('userInScope', () => {
  const user = { organizationIds: ['o1', 'o2'], ownerBusinessUnitId: 'a' };
  it('agrees with the SQL levels', () => {
    expect(userInScope(undefined, user)).toBe(false);
    expect(userInScope({ level: 'NONE' }, user)).toBe(false);
    expect(userInScope({ level: 'GLOBAL' }, user)).toBe(true);
    expect(userInScope({ level: 'ORGANIZATION', organizationId: 'o2' }, user)).toBe(true);
    expect(userInScope({ level: 'ORGANIZATION', organizationId: 'o3' }, user)).toBe(false);
    expect(userInScope({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['a'] }, user)).toBe(true);
    expect(userInScope({ level: 'BUSINESS_UNIT', organizationId: 'o1', businessUnitIds: ['b'] }, user)).toBe(false);
    expect(userInScope({ level: 'DIVISION', organizationId: 'o3', businessUnitIds: ['a'] }, user)).toBe(false);
  });
});
