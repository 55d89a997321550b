import { administratorRole } from './administrator-role';
import { defineAclCatalogue } from './catalogue';
import { AclError, RoleValidationError, UnknownAclNameError } from './errors';
import { compileGrants } from './grants';
import { AccessLevel } from './levels';
import { buildOwnerTree } from './owner-tree';
import { AclRecord } from './record';
import { RoleDefinition, RolePermission } from './role';
import { recordInScope } from './scope';
import { compileSubject, createSubject, SubjectContext } from './subject';

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username', 'primaryEmail', 'birthday'], fieldAcl: true },
    { name: 'Ticket', ownership: 'USER', fields: ['subject', 'description'] },
    { name: 'BusinessUnit', ownership: 'BUSINESS_UNIT' },
    { name: 'Organization', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: ['user_management', 'export_users', 'ticket_user_security'],
});

//  org1: root -> sales -> east -> east-1, root -> support;  org2: o2-root -> o2-sub
const tree = buildOwnerTree([
  { id: 'root', organizationId: 'org1' },
  { id: 'sales', parentId: 'root', organizationId: 'org1' },
  { id: 'east', parentId: 'sales', organizationId: 'org1' },
  { id: 'east-1', parentId: 'east', organizationId: 'org1' },
  { id: 'support', parentId: 'root', organizationId: 'org1' },
  { id: 'o2-root', organizationId: 'org2' },
  { id: 'o2-sub', parentId: 'o2-root', organizationId: 'org2' },
]);

// The user sits in sales (org1), in o2-root (another organization) and in a unit the tree does not know.
const context: SubjectContext = { userId: 'u1', organizationId: 'org1', businessUnitIds: ['sales', 'o2-root', 'ghost'] };

function role(name: string, permissions: RolePermission[], extra: Partial<RoleDefinition> = {}): RoleDefinition {
  return { name, permissions, capabilities: [], ...extra };
}

function subjectWith(...roles: RoleDefinition[]) {
  return compileSubject(catalogue, roles, context, tree);
}

const ticketRecords: Record<string, AclRecord> = {
  mine: { ownerUserId: 'u1', ownerBusinessUnitIds: ['sales'], organizationId: 'org1' },
  mineFiledElsewhere: { ownerUserId: 'u1', ownerBusinessUnitId: 'support', organizationId: 'org1' },
  colleague: { ownerUserId: 'u2', ownerBusinessUnitIds: ['sales'], organizationId: 'org1' },
  inTwoUnits: { ownerUserId: 'u5', ownerBusinessUnitIds: ['support', 'sales'], organizationId: 'org1' },
  below: { ownerUserId: 'u3', ownerBusinessUnitIds: ['east-1'], organizationId: 'org1' },
  elsewhere: { ownerUserId: 'u4', ownerBusinessUnitIds: ['support'], organizationId: 'org1' },
  noUnits: { ownerUserId: 'u7', ownerBusinessUnitIds: [], organizationId: 'org1' },
  otherOrganization: { ownerUserId: 'u6', ownerBusinessUnitIds: ['o2-root'], organizationId: 'org2' },
  mineInOtherOrganization: { ownerUserId: 'u1', ownerBusinessUnitIds: ['o2-root'], organizationId: 'org2' },
  denormalisedColleague: { ownerUserId: 'u2', ownerBusinessUnitId: 'sales', organizationId: 'org1' },
  denormalisedBelow: { ownerUserId: 'u3', ownerBusinessUnitId: 'east', organizationId: 'org1' },
  orphan: { organizationId: 'org1' },
};

describe('Subject: record checks on a USER-owned entity', () => {
  it.each<[AccessLevel, string[]]>([
    ['NONE', []],
    ['USER', ['mine', 'mineFiledElsewhere']],
    // The subject's own records stay in reach at the unit levels, wherever they are filed.
    ['BUSINESS_UNIT', ['mine', 'mineFiledElsewhere', 'colleague', 'inTwoUnits', 'denormalisedColleague']],
    ['DIVISION', ['mine', 'mineFiledElsewhere', 'colleague', 'inTwoUnits', 'below', 'denormalisedColleague', 'denormalisedBelow']],
    [
      'ORGANIZATION',
      ['mine', 'mineFiledElsewhere', 'colleague', 'inTwoUnits', 'below', 'elsewhere', 'noUnits', 'denormalisedColleague', 'denormalisedBelow', 'orphan'],
    ],
    ['GLOBAL', Object.keys(ticketRecords)],
  ])('at %s the subject reaches exactly %j', (level, expected) => {
    const subject = subjectWith(role('r', [{ entity: 'Ticket', action: 'EDIT', level }]));
    const reached = Object.keys(ticketRecords).filter((name) => subject.canOnRecord('Ticket', 'EDIT', ticketRecords[name]));
    expect(reached).toEqual(expected);
    // The plain-data scope says the same.
    const scope = subject.scope('Ticket', 'EDIT');
    expect(Object.keys(ticketRecords).filter((name) => recordInScope(scope, ticketRecords[name]))).toEqual(expected);
  });

  it('lets ownerBusinessUnitIds replace ownerBusinessUnitId when both are given', () => {
    const subject = subjectWith(role('r', [{ entity: 'Ticket', action: 'VIEW', level: 'BUSINESS_UNIT' }]));
    expect(subject.canOnRecord('Ticket', 'VIEW', { ownerUserId: 'x', ownerBusinessUnitId: 'sales', ownerBusinessUnitIds: ['support'], organizationId: 'org1' })).toBe(false);
    expect(subject.canOnRecord('Ticket', 'VIEW', { ownerUserId: 'x', ownerBusinessUnitId: 'sales', ownerBusinessUnitIds: null, organizationId: 'org1' })).toBe(true);
  });
});

describe('Subject: record checks on other ownership types', () => {
  const units: Record<string, AclRecord> = {
    sales: { ownerBusinessUnitId: 'sales', organizationId: 'org1' },
    east: { ownerBusinessUnitId: 'east', organizationId: 'org1' },
    // ownerUserId means nothing on a unit-owned record, even when it names the subject.
    supportWithUser: { ownerUserId: 'u1', ownerBusinessUnitId: 'support', organizationId: 'org1' },
    support: { ownerBusinessUnitId: 'support', organizationId: 'org1' },
    o2: { ownerBusinessUnitId: 'o2-root', organizationId: 'org2' },
  };

  it.each<[AccessLevel, string[]]>([
    ['BUSINESS_UNIT', ['sales']],
    ['DIVISION', ['sales', 'east']],
    ['ORGANIZATION', ['sales', 'east', 'supportWithUser', 'support']],
    ['GLOBAL', ['sales', 'east', 'supportWithUser', 'support', 'o2']],
  ])('BUSINESS_UNIT-owned at %s reaches %j', (level, expected) => {
    const subject = subjectWith(role('r', [{ entity: 'BusinessUnit', action: 'VIEW', level }]));
    expect(Object.keys(units).filter((name) => subject.canOnRecord('BusinessUnit', 'VIEW', units[name]))).toEqual(expected);
  });

  it('ORGANIZATION-owned: ORGANIZATION reaches the current organization, GLOBAL every one', () => {
    const own = { organizationId: 'org1' };
    const other = { organizationId: 'org2' };
    const atOrganization = subjectWith(role('r', [{ entity: 'Organization', action: 'VIEW', level: 'ORGANIZATION' }]));
    expect([atOrganization.canOnRecord('Organization', 'VIEW', own), atOrganization.canOnRecord('Organization', 'VIEW', other)]).toEqual([true, false]);
    const atGlobal = subjectWith(role('r', [{ entity: 'Organization', action: 'VIEW', level: 'GLOBAL' }]));
    expect([atGlobal.canOnRecord('Organization', 'VIEW', own), atGlobal.canOnRecord('Organization', 'VIEW', other)]).toEqual([true, true]);
  });

  it('NONE-owned: GLOBAL reaches every record, NONE none', () => {
    expect(subjectWith(role('r', [{ entity: 'Setting', action: 'EDIT', level: 'GLOBAL' }])).canOnRecord('Setting', 'EDIT', {})).toBe(true);
    expect(subjectWith().canOnRecord('Setting', 'EDIT', {})).toBe(false);
  });
});

describe('Subject: scopes', () => {
  it('gives each level its ids, confined to the current organization below GLOBAL', () => {
    const subject = subjectWith(
      role('r', [
        { entity: 'Ticket', action: 'VIEW', level: 'USER' },
        { entity: 'Ticket', action: 'EDIT', level: 'BUSINESS_UNIT' },
        { entity: 'Ticket', action: 'DELETE', level: 'DIVISION' },
        { entity: 'Ticket', action: 'ASSIGN', level: 'ORGANIZATION' },
        { entity: 'Ticket', action: 'SHARE', level: 'GLOBAL' },
      ]),
    );
    expect(subject.scope('Ticket', 'VIEW')).toEqual({ level: 'USER', organizationId: 'org1', userId: 'u1' });
    expect(subject.scope('Ticket', 'EDIT')).toEqual({ level: 'BUSINESS_UNIT', organizationId: 'org1', businessUnitIds: ['sales'], userId: 'u1' });
    const division = subject.scope('Ticket', 'DELETE');
    expect(division).toMatchObject({ level: 'DIVISION', organizationId: 'org1', userId: 'u1' });
    expect(division.level === 'DIVISION' && [...division.businessUnitIds].sort()).toEqual(['east', 'east-1', 'sales']);
    expect(subject.scope('Ticket', 'ASSIGN')).toEqual({ level: 'ORGANIZATION', organizationId: 'org1' });
    expect(subject.scope('Ticket', 'SHARE')).toEqual({ level: 'GLOBAL' });
    expect(subject.scope('Ticket', 'CREATE')).toEqual({ level: 'NONE' });
    expect(subject.businessUnitIds).toEqual(['sales']);
  });

  it('carries the user only on USER-owned entities', () => {
    const subject = subjectWith(
      role('r', [
        { entity: 'BusinessUnit', action: 'VIEW', level: 'BUSINESS_UNIT' },
        { entity: 'BusinessUnit', action: 'EDIT', level: 'DIVISION' },
      ]),
    );
    expect(subject.scope('BusinessUnit', 'VIEW')).toEqual({ level: 'BUSINESS_UNIT', organizationId: 'org1', businessUnitIds: ['sales'] });
    expect(subject.scope('BusinessUnit', 'EDIT')).not.toHaveProperty('userId');
  });

  it('is plain data that survives JSON (it travels over the bus)', () => {
    const scope = subjectWith(role('r', [{ entity: 'Ticket', action: 'VIEW', level: 'DIVISION' }])).scope('Ticket', 'VIEW');
    expect(JSON.parse(JSON.stringify(scope))).toEqual(scope);
  });

  it('has no units when the user has none in the current organization', () => {
    const subject = compileSubject(
      catalogue,
      [role('r', [{ entity: 'Ticket', action: 'VIEW', level: 'DIVISION' }])],
      { userId: 'u1', organizationId: 'org1', businessUnitIds: ['o2-root'] },
      tree,
    );
    expect(subject.scope('Ticket', 'VIEW')).toEqual({ level: 'DIVISION', organizationId: 'org1', businessUnitIds: [], userId: 'u1' });
    expect(subject.canOnRecord('Ticket', 'VIEW', ticketRecords.colleague)).toBe(false);
    expect(subject.canOnRecord('Ticket', 'VIEW', ticketRecords.mine)).toBe(true);
  });
});

describe('Subject: combining roles', () => {
  it('takes the highest level per entity and action', () => {
    const subject = subjectWith(
      role('a', [{ entity: 'Ticket', action: 'VIEW', level: 'USER' }, { entity: 'Ticket', action: 'EDIT', level: 'GLOBAL' }]),
      role('b', [{ entity: 'Ticket', action: 'VIEW', level: 'DIVISION' }, { entity: 'Ticket', action: 'EDIT', level: 'NONE' }]),
    );
    expect(subject.level('Ticket', 'VIEW')).toBe('DIVISION');
    expect(subject.level('Ticket', 'EDIT')).toBe('GLOBAL');
    expect(subject.level('Ticket', 'DELETE')).toBe('NONE');
    expect(subject.roleNames).toEqual(['a', 'b']);
  });

  it('denies everything without roles', () => {
    const subject = subjectWith();
    for (const entity of catalogue.entities) for (const action of entity.actions) expect(subject.can(entity.name, action)).toBe(false);
    expect(subject.hasCapability('export_users')).toBe(false);
  });

  it('unions capabilities', () => {
    const subject = subjectWith(role('a', [], { capabilities: ['export_users'] }), role('b', [], { capabilities: ['user_management'] }));
    expect(subject.hasCapability('export_users')).toBe(true);
    expect(subject.hasCapability('user_management')).toBe(true);
    expect(subject.hasCapability('ticket_user_security')).toBe(false);
  });

  it('answers can() by level, and never grants CONFIGURE outside User', () => {
    const subject = subjectWith(administratorRole(catalogue));
    expect(subject.can('User', 'CONFIGURE')).toBe(true);
    expect(subject.can('Ticket', 'CONFIGURE')).toBe(false);
    expect(subject.level('Ticket', 'CONFIGURE')).toBe('NONE');
    expect(subject.canOnRecord('Ticket', 'DELETE', ticketRecords.otherOrganization)).toBe(true);
  });
});

describe('Subject: read-only roles', () => {
  const readOnly = role(
    'auditor',
    [
      { entity: 'Ticket', action: 'VIEW', level: 'ORGANIZATION' },
      { entity: 'Ticket', action: 'EDIT', level: 'GLOBAL' },
      { entity: 'User', action: 'CONFIGURE', level: 'GLOBAL' },
    ],
    { readOnly: true, capabilities: ['export_users'] },
  );

  it('contribute VIEW only', () => {
    const subject = subjectWith(readOnly);
    expect(subject.level('Ticket', 'VIEW')).toBe('ORGANIZATION');
    expect(subject.level('Ticket', 'EDIT')).toBe('NONE');
    expect(subject.can('User', 'CONFIGURE')).toBe(false);
  });

  it('make their capabilities READ_ONLY, which hasCapability does not count', () => {
    const subject = subjectWith(readOnly);
    expect(subject.capabilityState('export_users')).toBe('READ_ONLY');
    expect(subject.hasCapability('export_users')).toBe(false);
    const withFull = subjectWith(readOnly, role('exporter', [], { capabilities: ['export_users'] }));
    expect(withFull.capabilityState('export_users')).toBe('ENABLED');
    expect(withFull.hasCapability('export_users')).toBe(true);
  });
});

describe('Subject: states', () => {
  it('lists every entity and capability as ENABLED, READ_ONLY or DISABLED', () => {
    const subject = subjectWith(
      role('a', [
        { entity: 'Ticket', action: 'VIEW', level: 'USER' },
        { entity: 'Ticket', action: 'CREATE', level: 'USER' },
        { entity: 'Organization', action: 'VIEW', level: 'GLOBAL' },
        { entity: 'Setting', action: 'DELETE', level: 'GLOBAL' },
      ], { capabilities: ['user_management'] }),
      role('b', [], { readOnly: true, capabilities: ['export_users'] }),
    );
    const states = subject.states();
    expect(states.entities.map((e) => [e.entity, e.state])).toEqual([
      ['User', 'DISABLED'],
      ['Ticket', 'ENABLED'],
      ['BusinessUnit', 'DISABLED'],
      ['Organization', 'READ_ONLY'],
      ['Setting', 'ENABLED'],
    ]);
    expect(states.entities[1]).toEqual({
      entity: 'Ticket',
      ownership: 'USER',
      state: 'ENABLED',
      levels: { VIEW: 'USER', CREATE: 'USER', EDIT: 'NONE', DELETE: 'NONE', ASSIGN: 'NONE', SHARE: 'NONE' },
    });
    expect(Object.keys(states.entities[0].levels)).toContain('CONFIGURE');
    expect(states.capabilities).toEqual([
      { capability: 'user_management', state: 'ENABLED' },
      { capability: 'export_users', state: 'READ_ONLY' },
      { capability: 'ticket_user_security', state: 'DISABLED' },
    ]);
    expect(subject.entityState('Organization')).toBe('READ_ONLY');
  });
});

describe('Subject: fields', () => {
  const userViewer = role('viewer', [
    { entity: 'User', action: 'VIEW', level: 'DIVISION' },
    { entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' },
  ], {
    fieldPermissions: [
      { entity: 'User', field: 'birthday', action: 'VIEW', level: 'NONE' },
      { entity: 'User', field: 'primaryEmail', action: 'VIEW', level: 'BUSINESS_UNIT' },
      { entity: 'User', field: 'username', action: 'EDIT', level: 'GLOBAL' },
    ],
  });

  it('lets fields no role mentions follow the entity', () => {
    const subject = subjectWith(userViewer);
    expect(subject.fieldLevel('User', 'username', 'VIEW')).toBe('DIVISION');
    expect(subject.fieldLevel('User', 'primaryEmail', 'EDIT')).toBe('BUSINESS_UNIT');
    expect(subject.fieldLevel('User', 'birthday', 'CREATE')).toBe('NONE');
  });

  it('applies a mention, never above the role’s own entity level', () => {
    const subject = subjectWith(userViewer);
    expect(subject.fieldLevel('User', 'birthday', 'VIEW')).toBe('NONE');
    expect(subject.fieldLevel('User', 'primaryEmail', 'VIEW')).toBe('BUSINESS_UNIT');
    // GLOBAL asked, but the role edits users at BUSINESS_UNIT only.
    expect(subject.fieldLevel('User', 'username', 'EDIT')).toBe('BUSINESS_UNIT');
  });

  it('takes the highest role per field, so another role that does not restrict a field opens it', () => {
    const other = role('other', [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }]);
    const subject = subjectWith(userViewer, other);
    expect(subject.fieldLevel('User', 'birthday', 'VIEW')).toBe('BUSINESS_UNIT');
  });

  it('checks a field on a record against the field level', () => {
    const subject = subjectWith(userViewer);
    const inSales = { ownerBusinessUnitId: 'sales', organizationId: 'org1' };
    const inEast = { ownerBusinessUnitId: 'east', organizationId: 'org1' };
    expect(subject.canField('User', 'primaryEmail', 'VIEW', inSales)).toBe(true);
    expect(subject.canField('User', 'primaryEmail', 'VIEW', inEast)).toBe(false);
    expect(subject.canField('User', 'username', 'VIEW', inEast)).toBe(true);
    expect(subject.canField('User', 'birthday', 'VIEW')).toBe(false);
    expect(subject.canField('User', 'username', 'VIEW')).toBe(true);
    expect(subject.viewableFields('User', inEast)).toEqual(['username']);
    expect(subject.viewableFields('User')).toEqual(['username', 'primaryEmail']);
    expect(subject.deniedFields('User', 'EDIT', ['birthday', 'username'], inEast)).toEqual(['birthday', 'username']);
    expect(subject.deniedFields('User', 'EDIT', ['birthday', 'username'], inSales)).toEqual([]);
  });

  it('ignores CREATE and EDIT field grants of read-only roles', () => {
    const readOnly = role('ro', [{ entity: 'User', action: 'VIEW', level: 'GLOBAL' }, { entity: 'User', action: 'EDIT', level: 'GLOBAL' }], {
      readOnly: true,
      fieldPermissions: [{ entity: 'User', field: 'username', action: 'EDIT', level: 'GLOBAL' }],
    });
    const subject = subjectWith(readOnly);
    expect(subject.fieldLevel('User', 'username', 'EDIT')).toBe('NONE');
    expect(subject.fieldLevel('User', 'username', 'VIEW')).toBe('GLOBAL');
  });

  it('uses the entity level for entities without field ACL', () => {
    const subject = subjectWith(role('r', [{ entity: 'Ticket', action: 'EDIT', level: 'USER' }]));
    expect(subject.fieldLevel('Ticket', 'subject', 'EDIT')).toBe('USER');
    expect(subject.canField('Ticket', 'subject', 'EDIT', ticketRecords.mine)).toBe(true);
    expect(subject.canField('Ticket', 'subject', 'EDIT', ticketRecords.colleague)).toBe(false);
    expect(subject.canField('Ticket', 'subject', 'VIEW')).toBe(false);
    // An entity that lists no fields accepts any field name.
    expect(subjectWith().canField('Setting', 'anything', 'VIEW')).toBe(false);
  });
});

describe('Subject: misuse', () => {
  const subject = subjectWith(administratorRole(catalogue));

  it.each([
    ['an unknown entity', () => subject.can('Tiket', 'VIEW'), 'unknown entity "Tiket"'],
    ['an unknown action', () => subject.canOnRecord('Ticket', 'READ' as never, {}), 'unknown action "READ"'],
    ['an inherited key as action', () => subject.level('Ticket', 'toString' as never), 'unknown action "toString"'],
    ['an unknown capability', () => subject.hasCapability('fly'), 'unknown capability "fly"'],
    ['an unknown field', () => subject.canField('User', 'salary', 'VIEW'), 'unknown field "salary" on entity User'],
    ['an unknown field on an entity without field ACL', () => subject.canField('Ticket', 'salary', 'VIEW'), 'unknown field "salary" on entity Ticket'],
    ['an unknown field action', () => subject.canField('User', 'username', 'DELETE' as never), 'unknown field action "DELETE"'],
  ])('throws UnknownAclNameError for %s', (_, check, message) => {
    expect(check).toThrow(UnknownAclNameError);
    expect(check).toThrow(message);
  });

  it('refuses to compile a role with a level its entity does not allow', () => {
    const bad = role('bad', [{ entity: 'Organization', action: 'VIEW', level: 'DIVISION' }]);
    expect(() => subjectWith(bad)).toThrow(RoleValidationError);
    expect(() => subjectWith(bad)).toThrow('permissions[0].level: level DIVISION is not allowed for ORGANIZATION-owned entity Organization');
  });

  it.each<[string, RoleDefinition]>([
    ['an unknown entity', role('bad', [{ entity: 'Nope', action: 'VIEW', level: 'GLOBAL' }])],
    ['CONFIGURE outside User', role('bad', [{ entity: 'Ticket', action: 'CONFIGURE', level: 'GLOBAL' }])],
    ['an unknown capability', role('bad', [], { capabilities: ['fly'] })],
    ['a bad field permission', role('bad', [], { fieldPermissions: [{ entity: 'User', field: 'nope', action: 'VIEW', level: 'GLOBAL' }] })],
    ['a field permission on a read-only role for an unknown entity', role('bad', [], { readOnly: true, fieldPermissions: [{ entity: 'Nope', field: 'x', action: 'VIEW', level: 'GLOBAL' }] })],
    ['a write permission of a read-only role with a bad level', role('bad', [{ entity: 'Setting', action: 'EDIT', level: 'USER' }], { readOnly: true })],
  ])('refuses to compile a role with %s', (_, bad) => {
    expect(() => subjectWith(bad)).toThrow(RoleValidationError);
  });

  it('needs a user and an organization', () => {
    expect(() => compileSubject(catalogue, [], { userId: '', organizationId: 'org1', businessUnitIds: [] }, tree)).toThrow(AclError);
    expect(() => compileSubject(catalogue, [], { userId: 'u1', organizationId: '', businessUnitIds: [] }, tree)).toThrow('needs an organizationId');
  });
});

describe('compileGrants and createSubject', () => {
  it('lets one compiled role set serve several users', () => {
    const grants = compileGrants(catalogue, [role('r', [{ entity: 'Ticket', action: 'VIEW', level: 'USER' }])]);
    const mine = createSubject(grants, context, tree);
    const theirs = createSubject(grants, { userId: 'u2', organizationId: 'org1', businessUnitIds: ['sales'] }, tree);
    expect(mine.canOnRecord('Ticket', 'VIEW', ticketRecords.mine)).toBe(true);
    expect(theirs.canOnRecord('Ticket', 'VIEW', ticketRecords.mine)).toBe(false);
    expect(theirs.canOnRecord('Ticket', 'VIEW', ticketRecords.colleague)).toBe(true);
  });
});
