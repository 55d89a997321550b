import { administratorRole } from './administrator-role';
import { AclCatalogue, defineAclCatalogue } from './catalogue';
import { AclError, RoleValidationError } from './errors';
import { describeGrantGaps, GrantGap, grantsBeyond, mayEscalate, missingGrants, ROLE_ESCALATE } from './escalation';
import { compileGrants } from './grants';
import { buildOwnerTree } from './owner-tree';
import { RoleDefinition, RoleFieldPermission, RolePermission } from './role';
import { compileSubject } from './subject';

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username', 'roles'], fieldAcl: true },
    { name: 'Role', ownership: 'ORGANIZATION' },
    { name: 'Ticket', ownership: 'USER' },
  ],
  capabilities: ['user_management', 'export_users', ROLE_ESCALATE],
});

const tree = buildOwnerTree([{ id: 'sales', organizationId: 'org1' }]);

function role(name: string, permissions: RolePermission[], extra: Partial<RoleDefinition> = {}): RoleDefinition {
  return { name, permissions, capabilities: [], ...extra };
}

function subjectWith(roles: RoleDefinition[], onCatalogue: AclCatalogue = catalogue) {
  return compileSubject(onCatalogue, roles, { userId: 'u1', organizationId: 'org1', businessUnitIds: ['sales'] }, tree);
}

const userManager = role('user-manager', [
  { entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' },
  { entity: 'User', action: 'CREATE', level: 'BUSINESS_UNIT' },
  { entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' },
]);

const rolesFieldEditNone: RoleFieldPermission = { entity: 'User', field: 'roles', action: 'EDIT', level: 'NONE' };

describe('grantsBeyond: no one grants more than they hold', () => {
  it('a user manager at BUSINESS_UNIT cannot give ADMINISTRATOR: the gaps name every missing grant', () => {
    const gaps = grantsBeyond(subjectWith([userManager]), [administratorRole(catalogue)]);
    expect(gaps).toEqual(
      expect.arrayContaining<GrantGap>([
        { kind: 'permission', entity: 'User', action: 'EDIT', level: 'GLOBAL', held: 'BUSINESS_UNIT' },
        { kind: 'permission', entity: 'User', action: 'CONFIGURE', level: 'GLOBAL', held: 'NONE' },
        { kind: 'field', entity: 'User', field: 'roles', action: 'EDIT', level: 'GLOBAL', held: 'BUSINESS_UNIT' },
        { kind: 'permission', entity: 'Role', action: 'CREATE', level: 'GLOBAL', held: 'NONE' },
        { kind: 'permission', entity: 'Ticket', action: 'VIEW', level: 'GLOBAL', held: 'NONE' },
        { kind: 'capability', capability: 'user_management', readOnly: false },
        { kind: 'capability', capability: ROLE_ESCALATE, readOnly: false },
      ]),
    );
    // Every applicable action of every entity, the 2 fields x 3 field actions, and the 3 capabilities.
    expect(gaps).toHaveLength(7 + 6 + 6 + 6 + 3);
  });

  it('a role at the same levels, or lower, is covered', () => {
    const subject = subjectWith([userManager]);
    expect(grantsBeyond(subject, [{ ...userManager, name: 'copy' }])).toEqual([]);
    expect(grantsBeyond(subject, [role('viewer', [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }])])).toEqual([]);
    expect(grantsBeyond(subject, [])).toEqual([]);
  });

  it('several roles are judged merged, as a user holding them all would get them', () => {
    const subject = subjectWith([userManager]);
    const viewer = role('viewer', [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }]);
    const editor = role('editor', [{ entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' }]);
    expect(grantsBeyond(subject, [viewer, editor])).toEqual([]);
    const deleter = role('deleter', [{ entity: 'User', action: 'DELETE', level: 'BUSINESS_UNIT' }]);
    expect(grantsBeyond(subject, [viewer, deleter])).toEqual([{ kind: 'permission', entity: 'User', action: 'DELETE', level: 'BUSINESS_UNIT', held: 'NONE' }]);
  });

  it('a higher level is a gap naming the level wanted and the level held (the fields following it too)', () => {
    const wanted = role('division-editor', [{ entity: 'User', action: 'EDIT', level: 'DIVISION' }]);
    expect(grantsBeyond(subjectWith([userManager]), [wanted])).toEqual<GrantGap[]>([
      { kind: 'permission', entity: 'User', action: 'EDIT', level: 'DIVISION', held: 'BUSINESS_UNIT' },
      { kind: 'field', entity: 'User', field: 'username', action: 'EDIT', level: 'DIVISION', held: 'BUSINESS_UNIT' },
      { kind: 'field', entity: 'User', field: 'roles', action: 'EDIT', level: 'DIVISION', held: 'BUSINESS_UNIT' },
    ]);
  });

  it('a read-only role’s write grants are no gaps (they never count), its VIEW grants are', () => {
    const subject = subjectWith([userManager]);
    const readOnlyWriter = role(
      'read-only-writer',
      [
        { entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' },
        { entity: 'User', action: 'DELETE', level: 'GLOBAL' },
        { entity: 'Role', action: 'EDIT', level: 'GLOBAL' },
      ],
      { readOnly: true, fieldPermissions: [{ entity: 'User', field: 'roles', action: 'EDIT', level: 'GLOBAL' }] },
    );
    expect(grantsBeyond(subject, [readOnlyWriter])).toEqual([]);

    const readOnlyViewer = role('read-only-viewer', [{ entity: 'Role', action: 'VIEW', level: 'ORGANIZATION' }], { readOnly: true });
    expect(grantsBeyond(subject, [readOnlyViewer])).toEqual([{ kind: 'permission', entity: 'Role', action: 'VIEW', level: 'ORGANIZATION', held: 'NONE' }]);
  });

  it('unflagging a read-only role is judged on the grants it then gives', () => {
    const readOnlyWriter = role('r', [{ entity: 'User', action: 'DELETE', level: 'GLOBAL' }], { readOnly: true });
    const subject = subjectWith([userManager]);
    expect(grantsBeyond(subject, [readOnlyWriter])).toEqual([]);
    expect(grantsBeyond(subject, [{ ...readOnlyWriter, readOnly: false }])).toEqual([
      { kind: 'permission', entity: 'User', action: 'DELETE', level: 'GLOBAL', held: 'NONE' },
    ]);
  });

  it('a read-only capability is covered by a full grant and by a read-only one; a full one only by a full one', () => {
    const full = role('full', [], { capabilities: ['export_users'] });
    const readOnly = role('read-only', [], { capabilities: ['export_users'], readOnly: true });
    const none = role('none', []);

    const fullHolder = subjectWith([full]);
    expect(grantsBeyond(fullHolder, [full])).toEqual([]);
    expect(grantsBeyond(fullHolder, [readOnly])).toEqual([]);

    const readOnlyHolder = subjectWith([readOnly]);
    expect(grantsBeyond(readOnlyHolder, [readOnly])).toEqual([]);
    expect(grantsBeyond(readOnlyHolder, [full])).toEqual([{ kind: 'capability', capability: 'export_users', readOnly: false }]);

    const noneHolder = subjectWith([none]);
    expect(grantsBeyond(noneHolder, [readOnly])).toEqual([{ kind: 'capability', capability: 'export_users', readOnly: true }]);
    // A full grant in the same set outweighs the read-only one.
    expect(grantsBeyond(readOnlyHolder, [readOnly, full])).toEqual([{ kind: 'capability', capability: 'export_users', readOnly: false }]);
  });

  it('field permissions: a holder whose role withholds User.roles EDIT does not cover a role that leaves it to the entity level', () => {
    const holder = subjectWith([{ ...userManager, fieldPermissions: [rolesFieldEditNone] }]);
    const editor = role('editor', [{ entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' }]);
    expect(grantsBeyond(holder, [editor])).toEqual([{ kind: 'field', entity: 'User', field: 'roles', action: 'EDIT', level: 'BUSINESS_UNIT', held: 'NONE' }]);
    // The same role withholding the field too is covered.
    expect(grantsBeyond(holder, [{ ...editor, fieldPermissions: [rolesFieldEditNone] }])).toEqual([]);
    // A mention is capped at the role's entity level: mentioning the field at GLOBAL under an entity
    // level of NONE gives nothing.
    const capped = role('capped', [], { fieldPermissions: [{ entity: 'User', field: 'roles', action: 'EDIT', level: 'GLOBAL' }] });
    expect(grantsBeyond(holder, [capped])).toEqual([]);
  });

  it('a field withheld by one held role is still held when another held role grants it', () => {
    const withholding = { ...userManager, fieldPermissions: [rolesFieldEditNone] };
    const rolesEditor = role('roles-editor', [{ entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' }]);
    expect(grantsBeyond(subjectWith([withholding, rolesEditor]), [role('editor', [{ entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' }])])).toEqual([]);
  });

  it('a holder of role_escalate is exempt; missingGrants still lists what it lacks', () => {
    const escalator = subjectWith([role('escalator', [], { capabilities: [ROLE_ESCALATE] })]);
    expect(mayEscalate(escalator)).toBe(true);
    expect(grantsBeyond(escalator, [administratorRole(catalogue)])).toEqual([]);
    const missing = missingGrants(escalator.grants, compileGrants(catalogue, [administratorRole(catalogue)]));
    expect(missing).toContainEqual({ kind: 'permission', entity: 'Role', action: 'CREATE', level: 'GLOBAL', held: 'NONE' });
    expect(missing).not.toContainEqual(expect.objectContaining({ capability: ROLE_ESCALATE }));
  });

  it('role_escalate from a read-only role does not exempt', () => {
    const readOnlyEscalator = subjectWith([role('escalator', [], { capabilities: [ROLE_ESCALATE], readOnly: true })]);
    expect(mayEscalate(readOnlyEscalator)).toBe(false);
    expect(grantsBeyond(readOnlyEscalator, [administratorRole(catalogue)]).length).toBeGreaterThan(0);
    // It may pass on what it has: the read-only capability.
    expect(grantsBeyond(readOnlyEscalator, [role('again', [], { capabilities: [ROLE_ESCALATE], readOnly: true })])).toEqual([]);
  });

  it('a catalogue without role_escalate never exempts', () => {
    const plain = defineAclCatalogue({
      entities: [{ name: 'Ticket', ownership: 'USER' }],
      capabilities: ['user_management'],
    });
    const everything = subjectWith([administratorRole(plain)], plain);
    expect(mayEscalate(everything)).toBe(false);
    expect(grantsBeyond(everything, [administratorRole(plain)])).toEqual([]);
    const manager = subjectWith([role('manager', [], { capabilities: ['user_management'] })], plain);
    expect(mayEscalate(manager)).toBe(false);
    expect(grantsBeyond(manager, [administratorRole(plain)])).toContainEqual({ kind: 'permission', entity: 'Ticket', action: 'VIEW', level: 'GLOBAL', held: 'NONE' });
  });

  it('comparing grants of two catalogues throws', () => {
    const other = defineAclCatalogue({ entities: [{ name: 'User', ownership: 'BUSINESS_UNIT' }], capabilities: [] });
    expect(() => missingGrants(compileGrants(catalogue, []), compileGrants(other, []))).toThrow(AclError);
  });

  it('an invalid role is refused with every problem named, as compileGrants does', () => {
    const invalid = role('bad', [{ entity: 'Role', action: 'EDIT', level: 'BUSINESS_UNIT' }]);
    expect(() => grantsBeyond(subjectWith([userManager]), [invalid])).toThrow(RoleValidationError);
  });
});

describe('describeGrantGaps', () => {
  it('lists each gap with the level wanted and the level held', () => {
    const gaps: GrantGap[] = [
      { kind: 'permission', entity: 'Role', action: 'CREATE', level: 'GLOBAL', held: 'ORGANIZATION' },
      { kind: 'field', entity: 'User', field: 'roles', action: 'EDIT', level: 'BUSINESS_UNIT', held: 'NONE' },
      { kind: 'capability', capability: 'export_users', readOnly: false },
    ];
    expect(describeGrantGaps(gaps)).toBe(
      'CREATE on Role at GLOBAL (you hold ORGANIZATION), EDIT on User.roles at BUSINESS_UNIT (you hold NONE), capability export_users',
    );
    expect(describeGrantGaps([])).toBe('');
  });
});
