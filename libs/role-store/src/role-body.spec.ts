import { RoleBodyDto } from '@app/contracts';
import { asDefinition, storedRole } from './role-body';

const body = (extra: Partial<RoleBodyDto> = {}): RoleBodyDto =>
  ({
    name: '  Support  ',
    permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'GLOBAL', note: 'dropped' }],
    capabilities: ['export'],
    fieldPermissions: [{ entity: 'User', field: 'phone', action: 'EDIT', level: 'NONE', extra: 1 }],
    ...extra,
  }) as unknown as RoleBodyDto;

describe('storedRole', () => {
  it('trims the name, defaults label and readOnly, and keeps only the keys libs/acl reads', () => {
    expect(storedRole(body(), true)).toEqual({
      name: 'Support',
      label: null,
      readOnly: false,
      permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'GLOBAL' }],
      capabilities: ['export'],
      fieldPermissions: [{ entity: 'User', field: 'phone', action: 'EDIT', level: 'NONE' }],
    });
  });

  it('leaves field permissions out where the catalogue has none', () => {
    expect(storedRole(body({ label: 'L', readOnly: true }), false)).toEqual({
      name: 'Support',
      label: 'L',
      readOnly: true,
      permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'GLOBAL' }],
      capabilities: ['export'],
    });
  });

  it('stores no field permissions as an empty list when the body omits them', () => {
    expect(storedRole(body({ fieldPermissions: undefined }), true).fieldPermissions).toEqual([]);
  });

  it('reads a stored role as the definition libs/acl compiles', () => {
    const fields = storedRole(body(), false);
    expect(asDefinition(fields)).toBe(fields);
  });
});
