import { identityClashProblems, KnownReferences, membershipProblems, MembershipState } from './user-rules';

const known: KnownReferences = {
  organizationIds: new Set(['o1']),
  unitOrganizations: new Map([
    ['u1', 'o1'],
    ['u2', 'o2'],
    ['u3', 'o3'],
  ]),
  roleIds: new Set(['r1', 'r2']),
};

const state = (changes: Partial<MembershipState> = {}): MembershipState => ({
  ownerBusinessUnitId: 'u1',
  organizationIds: ['o1'],
  businessUnitIds: ['u1'],
  roleIds: ['r1'],
  ...changes,
});

describe('membershipProblems', () => {
  it('accepts memberships that all exist and fit together', () => {
    expect(membershipProblems(state(), known)).toEqual([]);
  });

  it('names unknown organizations, units and roles field by field', () => {
    expect(membershipProblems(state({ organizationIds: ['o1', 'o9'], ownerBusinessUnitId: 'u9', businessUnitIds: ['u8'], roleIds: ['r1', 'r9'] }), known)).toEqual([
      { field: 'organizationIds', messages: ['unknown organization o9'] },
      { field: 'ownerBusinessUnitId', messages: ['unknown business unit u9'] },
      { field: 'businessUnitIds', messages: ['unknown business unit u8'] },
      { field: 'roles.1.roleId', messages: ['unknown role r9'] },
    ]);
  });

  it('refuses units of organizations the user is not a member of', () => {
    expect(membershipProblems(state({ ownerBusinessUnitId: 'u2', businessUnitIds: ['u1', 'u3'] }), known)).toEqual([
      { field: 'ownerBusinessUnitId', messages: ['ownerBusinessUnitId belongs to an organization the user is not a member of'] },
      { field: 'businessUnitIds', messages: ['business unit u3 belongs to an organization the user is not a member of'] },
    ]);
  });

  it('lets a user of no organization sit in any unit', () => {
    expect(membershipProblems(state({ organizationIds: [], ownerBusinessUnitId: 'u3', businessUnitIds: ['u2'] }), known)).toEqual([]);
  });

  it('refuses a role listed twice, and checks no roles when the edit leaves them alone', () => {
    expect(membershipProblems(state({ roleIds: ['r1', 'r1'] }), known)).toEqual([{ field: 'roles', messages: ['a role is listed twice'] }]);
    expect(membershipProblems(state({ roleIds: undefined }), { ...known, roleIds: new Set() })).toEqual([]);
  });
});

describe('identityClashProblems', () => {
  it('reports each clash on its own field', () => {
    expect(identityClashProblems({ username: false, primaryEmail: false })).toEqual([]);
    expect(identityClashProblems({ username: true, primaryEmail: true }).map((p) => p.field)).toEqual(['username', 'primaryEmail']);
  });
});
