import fc from 'fast-check';
import { catalogueView } from './catalogue-view';
import { defineAclCatalogue } from './catalogue';
import { validateRole } from './role-validation';
import { ACCESS_LEVELS } from './levels';

const catalogue = defineAclCatalogue({
  entities: [
    { name: 'User', ownership: 'BUSINESS_UNIT', fieldAcl: true, fields: ['email', 'phone'] },
    { name: 'Note', ownership: 'USER' },
    { name: 'Org', ownership: 'ORGANIZATION' },
    { name: 'Setting', ownership: 'NONE' },
  ],
  capabilities: ['export', 'import'],
});

describe('catalogueView', () => {
  const view = catalogueView(catalogue);
  const entity = (name: string) => view.entities.find((e) => e.name === name)!;

  it('offers the levels each ownership type allows', () => {
    expect(entity('Note').levels).toEqual(['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(entity('User').levels).toEqual(['NONE', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']);
    expect(entity('Org').levels).toEqual(['NONE', 'ORGANIZATION', 'GLOBAL']);
    expect(entity('Setting').levels).toEqual(['NONE', 'GLOBAL']);
  });

  it('offers CONFIGURE only on User, and fields only where field ACL is on', () => {
    expect(entity('User').actions).toContain('CONFIGURE');
    expect(entity('Note').actions).not.toContain('CONFIGURE');
    expect(entity('User')).toMatchObject({ fieldAcl: true, fields: ['email', 'phone'], fieldActions: ['VIEW', 'CREATE', 'EDIT'] });
    expect(entity('Note')).toMatchObject({ fieldAcl: false, fields: [], fieldActions: [] });
    expect(view.capabilities).toEqual(['export', 'import']);
  });

  it('a grant is accepted by role validation exactly when the view offers its action and level', () => {
    const names = view.entities.map((e) => e.name);
    fc.assert(
      fc.property(fc.constantFrom(...names), fc.constantFrom('VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE'), fc.constantFrom(...ACCESS_LEVELS), (name, action, level) => {
        const offered = entity(name).actions.includes(action as never) && entity(name).levels.includes(level);
        const problems = validateRole(catalogue, { name: 'r', permissions: [{ entity: name, action, level }], capabilities: [] });
        expect(problems.length === 0).toBe(offered);
      }),
    );
  });
});
