import { administratorRole } from './administrator-role';
import { defineAclCatalogue } from './catalogue';
import { RoleValidationError } from './errors';
import { assertValidRole, validateRole } from './role-validation';

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username', 'primaryEmail', 'birthday'], fieldAcl: true },
    { name: 'Ticket', ownership: 'USER', fields: ['subject'] },
    { name: 'Organization', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: ['user_management', 'export_users'],
});

const validRole = {
  name: 'Sales',
  permissions: [
    { entity: 'Ticket', action: 'VIEW', level: 'DIVISION' },
    { entity: 'User', action: 'CONFIGURE', level: 'BUSINESS_UNIT' },
    { entity: 'Organization', action: 'VIEW', level: 'ORGANIZATION' },
    { entity: 'Setting', action: 'VIEW', level: 'GLOBAL' },
  ],
  capabilities: ['export_users'],
  fieldPermissions: [{ entity: 'User', field: 'birthday', action: 'VIEW', level: 'NONE' }],
};

function withChange(change: Record<string, unknown>): unknown {
  return { ...validRole, ...change };
}

describe('validateRole', () => {
  it('accepts a valid role', () => {
    expect(validateRole(catalogue, validRole)).toEqual([]);
    expect(validateRole(catalogue, { ...validRole, readOnly: true, label: 'ignored' })).toEqual([]);
  });

  it('accepts the administrator role', () => {
    expect(validateRole(catalogue, administratorRole(catalogue))).toEqual([]);
  });

  it.each([
    [
      'a level the ownership type does not allow',
      { permissions: [{ entity: 'Organization', action: 'VIEW', level: 'DIVISION' }] },
      'permissions[0].level',
      'level DIVISION is not allowed for ORGANIZATION-owned entity Organization (allowed: NONE, ORGANIZATION, GLOBAL)',
    ],
    [
      'USER level on a business-unit-owned entity',
      { permissions: [{ entity: 'User', action: 'EDIT', level: 'USER' }] },
      'permissions[0].level',
      'level USER is not allowed for BUSINESS_UNIT-owned entity User (allowed: NONE, BUSINESS_UNIT, DIVISION, ORGANIZATION, GLOBAL)',
    ],
    [
      'ORGANIZATION level on a system-wide entity',
      { permissions: [{ entity: 'Setting', action: 'EDIT', level: 'ORGANIZATION' }] },
      'permissions[0].level',
      'level ORGANIZATION is not allowed for NONE-owned entity Setting (allowed: NONE, GLOBAL)',
    ],
    [
      'an unknown entity',
      { permissions: [{ entity: 'Tiket', action: 'VIEW', level: 'USER' }] },
      'permissions[0].entity',
      'unknown entity Tiket',
    ],
    [
      'an unknown action',
      { permissions: [{ entity: 'Ticket', action: 'READ', level: 'USER' }] },
      'permissions[0].action',
      'unknown action READ (expected one of VIEW, CREATE, EDIT, DELETE, ASSIGN, SHARE, CONFIGURE)',
    ],
    [
      'CONFIGURE on an entity other than User',
      { permissions: [{ entity: 'Ticket', action: 'CONFIGURE', level: 'USER' }] },
      'permissions[0].action',
      'action CONFIGURE is only allowed on entity User, not on Ticket',
    ],
    [
      'an unknown level',
      { permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'TEAM' }] },
      'permissions[0].level',
      'unknown level TEAM (expected one of NONE, USER, BUSINESS_UNIT, DIVISION, ORGANIZATION, GLOBAL)',
    ],
    [
      'a missing level',
      { permissions: [{ entity: 'Ticket', action: 'VIEW' }] },
      'permissions[0].level',
      'unknown level (missing) (expected one of NONE, USER, BUSINESS_UNIT, DIVISION, ORGANIZATION, GLOBAL)',
    ],
    [
      'a duplicate permission',
      { permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'USER' }, { entity: 'Ticket', action: 'VIEW', level: 'GLOBAL' }] },
      'permissions[1]',
      'duplicate permission for Ticket VIEW (first set at permissions[0])',
    ],
    ['a permission that is not an object', { permissions: ['Ticket:VIEW'] }, 'permissions[0]', 'a permission must be an object with entity, action and level'],
    ['missing permissions', { permissions: undefined }, 'permissions', 'permissions must be an array of { entity, action, level }'],
    ['an unknown capability', { capabilities: ['export_users', 'fly'] }, 'capabilities[1]', 'unknown capability fly'],
    ['a duplicate capability', { capabilities: ['export_users', 'export_users'] }, 'capabilities[1]', 'duplicate capability export_users (first listed at capabilities[0])'],
    ['missing capabilities', { capabilities: 'export_users' }, 'capabilities', 'capabilities must be an array of capability names'],
    ['an empty name', { name: ' ' }, 'name', 'name must be a non-empty string'],
    ['a non-boolean readOnly flag', { readOnly: 'yes' }, 'readOnly', 'readOnly must be true or false'],
    [
      'an unknown field',
      { fieldPermissions: [{ entity: 'User', field: 'salary', action: 'VIEW', level: 'NONE' }] },
      'fieldPermissions[0].field',
      'unknown field salary on entity User',
    ],
    [
      'a field permission on an entity without field ACL',
      { fieldPermissions: [{ entity: 'Ticket', field: 'subject', action: 'VIEW', level: 'USER' }] },
      'fieldPermissions[0].entity',
      'field-level ACL is not switched on for entity Ticket',
    ],
    [
      'a field action other than VIEW, CREATE, EDIT',
      { fieldPermissions: [{ entity: 'User', field: 'username', action: 'DELETE', level: 'NONE' }] },
      'fieldPermissions[0].action',
      'unknown field action DELETE (expected one of VIEW, CREATE, EDIT)',
    ],
    [
      'a field level the ownership type does not allow',
      { fieldPermissions: [{ entity: 'User', field: 'username', action: 'EDIT', level: 'USER' }] },
      'fieldPermissions[0].level',
      'level USER is not allowed for BUSINESS_UNIT-owned entity User (allowed: NONE, BUSINESS_UNIT, DIVISION, ORGANIZATION, GLOBAL)',
    ],
    [
      'a duplicate field permission',
      {
        fieldPermissions: [
          { entity: 'User', field: 'username', action: 'EDIT', level: 'NONE' },
          { entity: 'User', field: 'username', action: 'EDIT', level: 'GLOBAL' },
        ],
      },
      'fieldPermissions[1]',
      'duplicate field permission for User.username EDIT (first set at fieldPermissions[0])',
    ],
    ['field permissions that are not a list', { fieldPermissions: {} }, 'fieldPermissions', 'fieldPermissions must be an array of { entity, field, action, level }'],
  ])('rejects %s and names it', (_, change, path, message) => {
    expect(validateRole(catalogue, withChange(change))).toEqual([{ path, message }]);
  });

  it('reports every problem, not only the first', () => {
    const problems = validateRole(catalogue, {
      name: '',
      permissions: [
        { entity: 'Nope', action: 'VIEW', level: 'GLOBAL' },
        { entity: 'Organization', action: 'DELETE', level: 'BUSINESS_UNIT' },
      ],
      capabilities: ['nope'],
    });
    expect(problems.map((p) => p.path)).toEqual(['name', 'permissions[0].entity', 'permissions[1].level', 'capabilities[0]']);
  });

  it('rejects something that is not a role at all', () => {
    expect(validateRole(catalogue, null)).toEqual([{ path: '', message: 'a role must be an object with name, permissions and capabilities' }]);
    expect(validateRole(catalogue, [])).toHaveLength(1);
  });
});

describe('assertValidRole', () => {
  it('passes a valid role and throws RoleValidationError listing the problems otherwise', () => {
    expect(() => assertValidRole(catalogue, validRole)).not.toThrow();
    const invalid = withChange({ permissions: [{ entity: 'Organization', action: 'VIEW', level: 'USER' }] });
    expect(() => assertValidRole(catalogue, invalid)).toThrow(RoleValidationError);
    try {
      assertValidRole(catalogue, invalid);
    } catch (error) {
      expect(error.problems).toEqual([
        { path: 'permissions[0].level', message: expect.stringContaining('level USER is not allowed for ORGANIZATION-owned entity Organization') },
      ]);
      expect(error.message).toContain('role "Sales" is invalid: permissions[0].level: level USER is not allowed');
    }
  });
});

describe('administratorRole', () => {
  it('grants GLOBAL on every applicable action of every entity and every capability', () => {
    const role = administratorRole(catalogue);
    expect(role.name).toBe('ADMINISTRATOR');
    expect(role.capabilities).toEqual(['user_management', 'export_users']);
    expect(role.permissions.filter((p) => p.action === 'CONFIGURE')).toEqual([{ entity: 'User', action: 'CONFIGURE', level: 'GLOBAL' }]);
    expect(role.permissions).toHaveLength(7 + 6 * 3);
    expect(role.permissions.every((p) => p.level === 'GLOBAL')).toBe(true);
    expect(administratorRole(catalogue, 'Root').name).toBe('Root');
  });
});
