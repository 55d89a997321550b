import fc from 'fast-check';
import { CONFIGURATION_DEFAULTS, CONFIGURATION_KEYS } from './configuration-rules';
import { compareRoleLayers, ConfigurationLayersInput, resolveConfiguration, RoleConfigurationLayer, StoredConfiguration } from './configuration-resolution';

const ORG = '00000000-0000-4000-8000-000000000001';
const role = (id: string, name: string, priority: number, settings: RoleConfigurationLayer['settings']): RoleConfigurationLayer => ({ id, name, priority, settings });
const input = (over: Partial<ConfigurationLayersInput> = {}): ConfigurationLayersInput => ({ organizationId: ORG, organization: null, roles: [], user: null, ...over });

describe('configuration resolution', () => {
  it('gives the system defaults and only the SYSTEM layer when nothing is configured', () => {
    const resolution = resolveConfiguration(input());
    expect(resolution.settings).toEqual(CONFIGURATION_DEFAULTS);
    expect(resolution.layers).toEqual([{ layer: 'SYSTEM' }]);
    expect(resolution.resolved.locale).toEqual({ value: 'en-US', layer: 'SYSTEM' });
  });

  it('applies organization, roles by ascending priority, then the user', () => {
    const resolution = resolveConfiguration(
      input({
        organization: { locale: 'fr-FR', currency: 'EUR', itemsPerPage: 50 },
        roles: [role('b', 'Sales', 10, { locale: 'de-DE', timeZone: 'Europe/Berlin' }), role('a', 'Call Center', 5, { locale: 'it-IT', currency: 'CHF' })],
        user: { timeZone: 'Asia/Tokyo' },
      }),
    );
    expect(resolution.layers).toEqual([
      { layer: 'SYSTEM' },
      { layer: 'ORGANIZATION', organizationId: ORG },
      { layer: 'ROLE', role: { id: 'a', name: 'Call Center', priority: 5 } },
      { layer: 'ROLE', role: { id: 'b', name: 'Sales', priority: 10 } },
      { layer: 'USER' },
    ]);
    expect(resolution.resolved).toMatchObject({
      locale: { value: 'de-DE', layer: 'ROLE', role: { id: 'b', name: 'Sales' } },
      currency: { value: 'CHF', layer: 'ROLE', role: { id: 'a', name: 'Call Center' } },
      itemsPerPage: { value: 50, layer: 'ORGANIZATION', organizationId: ORG },
      timeZone: { value: 'Asia/Tokyo', layer: 'USER' },
      dateFormat: { value: 'yyyy-MM-dd', layer: 'SYSTEM' },
    });
    expect(resolution.settings).toMatchObject({ locale: 'de-DE', currency: 'CHF', itemsPerPage: 50, timeZone: 'Asia/Tokyo' });
  });

  it('breaks priority ties by role name, so the later name wins', () => {
    const resolution = resolveConfiguration(input({ roles: [role('1', 'Zulu', 0, { locale: 'de-DE' }), role('2', 'Alpha', 0, { locale: 'fr-FR' })] }));
    expect(resolution.resolved.locale).toMatchObject({ value: 'de-DE', role: { name: 'Zulu' } });
    expect(resolution.layers.map((l) => (l.layer === 'ROLE' ? l.role.name : l.layer))).toEqual(['SYSTEM', 'Alpha', 'Zulu']);
  });

  it('falls back through the layers below when a layer does not set a key', () => {
    const withRole = resolveConfiguration(input({ organization: { locale: 'fr-FR' }, roles: [role('r', 'Sales', 1, { locale: 'de-DE' })] }));
    expect(withRole.resolved.locale).toMatchObject({ value: 'de-DE', layer: 'ROLE' });
    const removed = resolveConfiguration(input({ organization: { locale: 'fr-FR' }, roles: [role('r', 'Sales', 1, {})] }));
    expect(removed.resolved.locale).toEqual({ value: 'fr-FR', layer: 'ORGANIZATION', organizationId: ORG });
    const none = resolveConfiguration(input({ organization: {}, roles: [] }));
    expect(none.resolved.locale).toEqual({ value: 'en-US', layer: 'SYSTEM' });
    expect(none.layers).toEqual([{ layer: 'SYSTEM' }, { layer: 'ORGANIZATION', organizationId: ORG }]);
  });

  it('counts a role listed twice once and ignores keys it does not know', () => {
    const twice = role('r', 'Sales', 1, { locale: 'de-DE' });
    const resolution = resolveConfiguration(input({ roles: [twice, twice], user: { theme: 'dark', locale: undefined } as never }));
    expect(resolution.layers.filter((l) => l.layer === 'ROLE')).toHaveLength(1);
    expect(resolution.resolved.locale.layer).toBe('ROLE');
    expect(Object.keys(resolution.settings).sort()).toEqual([...CONFIGURATION_KEYS].sort());
  });

  describe('properties', () => {
    const locales = fc.constantFrom('en-US', 'de-DE', 'fr-FR', 'it-IT', 'ja-JP');
    const layer = fc.record({ locale: locales, itemsPerPage: fc.integer({ min: 10, max: 500 }) }, { requiredKeys: [] });
    const roles = fc.uniqueArray(
      fc.record({ id: fc.uuid(), name: fc.string({ minLength: 1, maxLength: 8 }), priority: fc.integer({ min: -1000, max: 1000 }), settings: layer }),
      { selector: (r) => r.id, maxLength: 6 },
    );
    const layers = fc.record({ organization: fc.option(layer, { nil: null }), roles, user: fc.option(layer, { nil: null }) });

    it('each value comes from the last layer that sets it, in the order the layers are listed', () => {
      fc.assert(
        fc.property(layers, (given) => {
          const resolution = resolveConfiguration(input(given));
          const ordered: StoredConfiguration[] = [given.organization, ...[...given.roles].sort(compareRoleLayers).map((r) => r.settings), given.user].filter((s) => s !== null);
          for (const key of CONFIGURATION_KEYS) {
            const setters = ordered.filter((s) => s[key] !== undefined);
            const expected = setters.length ? setters[setters.length - 1][key] : CONFIGURATION_DEFAULTS[key];
            expect(resolution.settings[key]).toEqual(expected);
            expect(resolution.resolved[key].value).toEqual(expected);
          }
          expect(resolution.layers).toHaveLength(1 + (given.organization ? 1 : 0) + given.roles.length + (given.user ? 1 : 0));
        }),
      );
    });

    it('does not depend on the order the active roles arrive in', () => {
      const withShuffle = layers.chain((given) =>
        fc.shuffledSubarray(given.roles, { minLength: given.roles.length, maxLength: given.roles.length }).map((shuffled) => ({ given, shuffled })),
      );
      fc.assert(
        fc.property(withShuffle, ({ given, shuffled }) => {
          expect(resolveConfiguration(input({ ...given, roles: shuffled }))).toEqual(resolveConfiguration(input(given)));
        }),
      );
    });

    it('a user value always wins, a role of higher priority always beats a lower one', () => {
      fc.assert(
        fc.property(layers, locales, (given, mine) => {
          expect(resolveConfiguration(input({ ...given, user: { ...(given.user ?? {}), locale: mine } })).resolved.locale).toEqual({ value: mine, layer: 'USER' });
          const top = { id: 'top', name: 'Top', priority: 1001, settings: { locale: mine } };
          expect(resolveConfiguration(input({ ...given, user: null, roles: [...given.roles, top] })).resolved.locale).toMatchObject({ value: mine, layer: 'ROLE', role: { id: 'top' } });
        }),
      );
    });
  });
});
