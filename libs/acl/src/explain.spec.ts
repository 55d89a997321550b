import { defineAclCatalogue } from './catalogue';
import { UnknownAclNameError } from './errors';
import { explainAccess, ExplainSubject } from './explain';
import { explainCapability } from './explain-capability';
import { buildOwnerTree } from './owner-tree';
import { RoleDefinition } from './role';
import { whoCanSee } from './who-can-see';

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT' },
    { name: 'Ticket', ownership: 'USER' },
    { name: 'Organization', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: ['user_management', 'export_users'],
});

//  org1: root -> sales -> east;  org2: o2-root
const tree = buildOwnerTree([
  { id: 'root', organizationId: 'org1' },
  { id: 'sales', parentId: 'root', organizationId: 'org1' },
  { id: 'east', parentId: 'sales', organizationId: 'org1' },
  { id: 'o2-root', organizationId: 'org2' },
]);

const clerk: RoleDefinition = { name: 'CLERK', permissions: [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }, { entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' }], capabilities: ['export_users'] };
const manager: RoleDefinition = { name: 'MANAGER', permissions: [{ entity: 'User', action: 'VIEW', level: 'DIVISION' }, { entity: 'Ticket', action: 'VIEW', level: 'USER' }], capabilities: [] };
const auditor: RoleDefinition = { name: 'AUDITOR', readOnly: true, permissions: [{ entity: 'User', action: 'EDIT', level: 'GLOBAL' }, { entity: 'Organization', action: 'VIEW', level: 'GLOBAL' }], capabilities: ['user_management'] };

const subject = (roles: RoleDefinition[], userId = 'u1', businessUnitIds = ['sales']): ExplainSubject => ({
  catalogue,
  roles,
  context: { userId, organizationId: 'org1', businessUnitIds },
  tree,
});

describe('explainAccess', () => {
  it('names each role with its level and reason, and the winning role', () => {
    const explained = explainAccess(subject([clerk, manager, auditor]), 'User', 'EDIT');
    expect(explained).toMatchObject({ entity: 'User', ownership: 'BUSINESS_UNIT', action: 'EDIT', allowed: true, level: 'BUSINESS_UNIT', winningRoles: ['CLERK'] });
    expect(explained.roles.map(({ role, granted, level, code }) => ({ role, granted, level, code }))).toEqual([
      { role: 'CLERK', granted: 'BUSINESS_UNIT', level: 'BUSINESS_UNIT', code: 'GRANTED' },
      { role: 'MANAGER', granted: 'NONE', level: 'NONE', code: 'NO_GRANT' },
      { role: 'AUDITOR', granted: 'GLOBAL', level: 'NONE', code: 'READ_ONLY_ROLE' },
    ]);
    expect(explained.roles[2].message).toBe('Role AUDITOR is read-only: it gives VIEW only, so its GLOBAL grant of EDIT on User does not count.');
    expect(explained.summary).toBe('You may EDIT User at BUSINESS_UNIT level, given by CLERK.');
  });

  it('denies with NONE when no role grants, and says so', () => {
    const explained = explainAccess(subject([manager]), 'Setting', 'DELETE');
    expect(explained).toMatchObject({ allowed: false, level: 'NONE', winningRoles: [] });
    expect(explained.summary).toBe('None of your roles gives DELETE on Setting, so it is denied.');
  });

  it('shows a grant at a level the ownership type does not allow as NONE instead of throwing', () => {
    const odd: RoleDefinition = { name: 'ODD', permissions: [{ entity: 'Organization', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] };
    expect(explainAccess(subject([odd]), 'Organization', 'VIEW').roles[0]).toMatchObject({ granted: 'BUSINESS_UNIT', level: 'NONE', code: 'LEVEL_NOT_ALLOWED' });
  });

  it('CONFIGURE on an entity other than User is NONE for every role', () => {
    expect(explainAccess(subject([clerk]), 'Ticket', 'CONFIGURE').roles[0]).toMatchObject({ level: 'NONE', code: 'ACTION_NOT_APPLICABLE' });
  });

  it('throws for unknown names, as the engine does', () => {
    expect(() => explainAccess(subject([clerk]), 'Nope', 'VIEW')).toThrow(UnknownAclNameError);
    expect(() => explainAccess(subject([clerk]), 'User', 'FLY' as never)).toThrow(UnknownAclNameError);
  });

  it.each([
    ['a unit of yours', { ownerBusinessUnitId: 'sales', organizationId: 'org1' }, 'UNIT_IS_YOURS', true, "The record's business unit sales is one of your units."],
    ['a unit below yours', { ownerBusinessUnitId: 'east', organizationId: 'org1' }, 'UNIT_BELOW_YOURS', true, "The record's business unit east is below your unit sales."],
    ['a unit above yours', { ownerBusinessUnitId: 'root', organizationId: 'org1' }, 'UNIT_NOT_REACHED', false, "The record's business unit root is neither one of your units nor below them (yours: sales)."],
    ['another organization', { ownerBusinessUnitId: 'o2-root', organizationId: 'org2' }, 'OTHER_ORGANIZATION', false, "The record's organization org2 is not your current organization org1; DIVISION level stays inside it."],
    ['a user of both organizations', { ownerBusinessUnitId: 'east', organizationIds: ['org2', 'org1'] }, 'UNIT_BELOW_YOURS', true, "The record's business unit east is below your unit sales."],
    ['a user of the other organization only', { ownerBusinessUnitId: 'o2-root', organizationIds: ['org2'] }, 'OTHER_ORGANIZATION', false, "The record's organization org2 is not your current organization org1; DIVISION level stays inside it."],
  ])('DIVISION on a record in %s', (_, record, code, inScope, message) => {
    const explained = explainAccess(subject([manager]), 'User', 'VIEW', record);
    expect(explained.allowed).toBe(inScope);
    expect(explained.record!.reasons.at(-1)).toMatchObject({ code, admits: inScope, message });
  });

  it('USER level: the owner is you, or is not', () => {
    const mine = explainAccess(subject([manager]), 'Ticket', 'VIEW', { ownerUserId: 'u1', ownerBusinessUnitId: 'east', organizationId: 'org1' });
    expect(mine.record!.reasons.map((r) => r.code)).toEqual(['SAME_ORGANIZATION', 'OWNER_IS_YOU']);
    expect(mine.summary).toBe("You may VIEW Ticket at USER level, given by MANAGER. This record is in scope. The owner user u1 is you.");
    const theirs = explainAccess(subject([manager]), 'Ticket', 'VIEW', { ownerUserId: 'u9', ownerBusinessUnitId: 'sales', organizationId: 'org1' });
    expect(theirs.record!.reasons.at(-1)).toMatchObject({ code: 'OWNER_IS_NOT_YOU', admits: false, message: 'The owner user u9 is not you; USER level reaches only your own records.' });
  });

  it('ORGANIZATION and GLOBAL levels, and a record of no organization', () => {
    const orgView: RoleDefinition = { name: 'ORG', permissions: [{ entity: 'Organization', action: 'VIEW', level: 'ORGANIZATION' }], capabilities: [] };
    expect(explainAccess(subject([orgView]), 'Organization', 'VIEW', { organizationId: 'org1' }).record!.reasons).toMatchObject([{ code: 'SAME_ORGANIZATION', admits: true }]);
    expect(explainAccess(subject([orgView]), 'Organization', 'VIEW', { organizationId: null }).record!.reasons).toMatchObject([{ code: 'NO_ORGANIZATION', admits: false }]);
    expect(explainAccess(subject([auditor]), 'Organization', 'VIEW', { organizationId: 'org2' }).record!.reasons).toMatchObject([{ code: 'GLOBAL', admits: true }]);
  });
});

describe('explainCapability', () => {
  it('counts a capability only from roles that are not read-only', () => {
    const management = explainCapability(subject([clerk, auditor]), 'user_management');
    expect(management).toMatchObject({ allowed: false, state: 'READ_ONLY', grantingRoles: [] });
    expect(management.roles.map((r) => r.code)).toEqual(['NO_GRANT', 'READ_ONLY_ROLE']);
    expect(explainCapability(subject([clerk, auditor]), 'export_users')).toMatchObject({ allowed: true, state: 'ENABLED', grantingRoles: ['CLERK'] });
    expect(() => explainCapability(subject([clerk]), 'fly')).toThrow(UnknownAclNameError);
  });
});

describe('whoCanSee', () => {
  it('lists the users whose roles reach the record, once each, at their best level', () => {
    const record = { ownerBusinessUnitId: 'east', organizationId: 'org1' };
    const members = whoCanSee(
      [
        subject([clerk], 'u1', ['east']),
        subject([manager], 'u2', ['sales']),
        subject([clerk], 'u3', ['sales']),
        subject([clerk], 'u2', ['east']),
        { ...subject([auditor], 'u4', []), context: { userId: 'u4', organizationId: 'org2', businessUnitIds: [] } },
      ],
      'User',
      record,
    );
    expect(members.map(({ userId, level, winningRoles, organizationId }) => ({ userId, level, winningRoles, organizationId }))).toEqual([
      { userId: 'u1', level: 'BUSINESS_UNIT', winningRoles: ['CLERK'], organizationId: 'org1' },
      { userId: 'u2', level: 'DIVISION', winningRoles: ['MANAGER'], organizationId: 'org1' },
    ]);
  });
});
