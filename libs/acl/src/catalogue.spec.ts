import { defineAclCatalogue } from './catalogue';
import { AclCatalogueError } from './errors';

describe('defineAclCatalogue', () => {
  const catalogue = defineAclCatalogue({
    entities: [
      { name: 'User', ownership: 'BUSINESS_UNIT', fields: ['username', 'primaryEmail'], fieldAcl: true },
      { name: 'Ticket', ownership: 'USER', fields: ['subject'] },
      { name: 'Setting', ownership: 'NONE' },
    ],
    capabilities: ['user_management', 'export_users'],
  });

  it('indexes entities and capabilities in the order given', () => {
    expect(catalogue.entities.map((e) => [e.name, e.index])).toEqual([['User', 0], ['Ticket', 1], ['Setting', 2]]);
    expect(catalogue.entity('Ticket')?.ownership).toBe('USER');
    expect(catalogue.entity('Nope')).toBeUndefined();
    expect(catalogue.capabilityIndex('export_users')).toBe(1);
    expect(catalogue.capabilityIndex('nope')).toBeUndefined();
    expect(catalogue.entity('User')?.fieldIndex.get('primaryEmail')).toBe(1);
  });

  it('offers CONFIGURE on User only', () => {
    expect(catalogue.entity('User')?.actions).toContain('CONFIGURE');
    expect(catalogue.entity('Ticket')?.actions).toEqual(['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE']);
  });

  it('defaults to no fields and no field ACL', () => {
    expect(catalogue.entity('Setting')).toMatchObject({ fields: [], fieldAcl: false });
  });

  it('is frozen', () => {
    expect(Object.isFrozen(catalogue)).toBe(true);
    expect(Object.isFrozen(catalogue.entities)).toBe(true);
  });

  it.each([
    [
      'a duplicate entity',
      { entities: [{ name: 'A', ownership: 'USER' }, { name: 'A', ownership: 'NONE' }], capabilities: [] },
      'entities[1]: entity A is defined twice',
    ],
    [
      'an unknown ownership type',
      { entities: [{ name: 'A', ownership: 'TEAM' }], capabilities: [] },
      'entity A has unknown ownership type TEAM',
    ],
    ['a nameless entity', { entities: [{ name: '', ownership: 'USER' }], capabilities: [] }, 'entities[0].name must be a non-empty string'],
    [
      'a duplicate field',
      { entities: [{ name: 'A', ownership: 'USER', fields: ['x', 'x'] }], capabilities: [] },
      'field x of entity A is listed twice',
    ],
    [
      'field ACL without fields',
      { entities: [{ name: 'A', ownership: 'USER', fieldAcl: true }], capabilities: [] },
      'entity A has field ACL switched on but lists no fields',
    ],
    ['a duplicate capability', { entities: [], capabilities: ['c', 'c'] }, 'capability c is listed twice'],
    ['missing lists', {}, 'entities must be an array; capabilities must be an array'],
  ])('rejects %s', (_, definition, message) => {
    expect(() => defineAclCatalogue(definition as never)).toThrow(AclCatalogueError);
    expect(() => defineAclCatalogue(definition as never)).toThrow(message);
  });
});
