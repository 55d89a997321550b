import { adminQuery, GatewayClient } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/**
 * Configuration by role (DESIGN.md section 5, Aurea's "Dynamic Configuration Assignment Based on
 * Roles"): system defaults, the organization, the session's active roles by priority, the user.
 */
describe('configuration by role', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;
  const perms = (entity: string, actions: string[], level: string) => actions.map((action) => ({ entity, action, level }));

  async function addRole(name: string, extra: Record<string, unknown> = {}): Promise<{ id: string; name: string; priority: number }> {
    const response = await run.admin.post('/api/roles', { name, permissions: [], capabilities: [], ...extra });
    expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
    return response.body;
  }

  const holding = (roles: { id: string }[], overrides: Record<string, unknown> = {}) =>
    createSuiteUser(run, { roles: roles.map((r) => ({ roleId: r.id, default: true })), ...overrides });

  async function attach(roleId: string, values: Record<string, unknown>) {
    const response = await run.admin.put(`/api/roles/${roleId}/configuration`, values);
    expect({ status: response.status, body: response.body }).toMatchObject({ status: 200, body: { roleId, configured: true, values } });
  }

  const mine = async (session: GatewayClient) => {
    const response = await session.get('/api/me/configuration');
    expect(response.status).toBe(200);
    return response.body;
  };

  /** Every stored layer, to show that a refused write changed nothing. */
  const storedLayers = async () =>
    JSON.stringify(
      await adminQuery(
        db(),
        `SELECT 'o' || organization_id::text AS k, settings FROM organization_configurations
          UNION ALL SELECT 'r' || role_id::text, settings FROM role_configurations
          UNION ALL SELECT 'u' || user_id::text || organization_id::text, settings FROM user_configurations
          UNION ALL SELECT 'p' || id::text, to_jsonb(priority) FROM roles ORDER BY 1`,
      ),
    );

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('one user logging in with two role selections sees two configurations', async () => {
    const callCenter = await addRole('Call Center', { priority: 10 });
    const sales = await addRole('Sales');
    expect(callCenter.priority).toBe(10);
    expect(sales.priority).toBe(0);
    await attach(callCenter.id, { locale: 'de-DE', itemsPerPage: 50 });
    const simon = await holding([callCenter, sales]);

    const asCallCenter = await run.api.login(simon.username, simon.password, { roles: ['Call Center'] });
    const asSales = await run.api.login(simon.username, simon.password, { roles: ['Sales'] });
    const first = await mine(asCallCenter);
    expect(first.resolved.locale).toEqual({ value: 'de-DE', layer: 'ROLE', role: { id: callCenter.id, name: 'Call Center' } });
    expect(first.resolved.itemsPerPage).toMatchObject({ value: 50, layer: 'ROLE' });
    expect(first.resolved.timeZone).toEqual({ value: 'UTC', layer: 'SYSTEM' });
    expect(first.layers).toEqual([{ layer: 'SYSTEM' }, { layer: 'ROLE', role: { id: callCenter.id, name: 'Call Center', priority: 10 } }]);
    // Compatible fields stay: whose, where, the resolved values, the keys the user set.
    expect(first).toMatchObject({ userId: simon.id, organizationId: run.ids.organizationId, customized: [], settings: { locale: 'de-DE', itemsPerPage: 50, timeZone: 'UTC' } });

    // Sales has no configuration: the "normal" tree (Aurea's example).
    const second = await mine(asSales);
    expect(second.resolved.locale).toEqual({ value: 'en-US', layer: 'SYSTEM' });
    expect(second.layers).toEqual([{ layer: 'SYSTEM' }]);

    // Both roles: the higher priority wins among roles; a key only the lower one sets still comes from it.
    await attach(sales.id, { locale: 'fr-FR', timeZone: 'Europe/Paris' });
    const both = await run.api.login(simon.username, simon.password, { roles: ['Call Center', 'Sales'] });
    const combined = await mine(both);
    expect(combined.layers.map((l: { layer: string; role?: { name: string } }) => l.role?.name ?? l.layer)).toEqual(['SYSTEM', 'Sales', 'Call Center']);
    expect(combined.resolved.locale).toMatchObject({ value: 'de-DE', role: { name: 'Call Center' } });
    expect(combined.resolved.timeZone).toMatchObject({ value: 'Europe/Paris', layer: 'ROLE', role: { name: 'Sales' } });
    // The Call Center session keeps its snapshot of roles: Sales' new configuration does not reach it.
    expect((await mine(asCallCenter)).layers).toHaveLength(2);

    // Priorities are read live: raising Sales above Call Center changes who wins; a PUT without priority keeps it.
    const raised = await run.admin.put(`/api/roles/${sales.id}`, { name: 'Sales', permissions: [], capabilities: [], priority: 20 });
    expect(raised.body.priority).toBe(20);
    expect((await mine(both)).resolved.locale).toMatchObject({ value: 'fr-FR', role: { name: 'Sales' } });
    const kept = await run.admin.put(`/api/roles/${sales.id}`, { name: 'Sales', label: 'Sales team', permissions: [], capabilities: [] });
    expect(kept.body).toMatchObject({ label: 'Sales team', priority: 20 });
    expect((await run.admin.get(`/api/roles/${sales.id}`)).body.priority).toBe(20);
  });

  it('a user value overrides the role value, and an administrator still sees the user own values', async () => {
    const support = await addRole('Support', { priority: 5 });
    await attach(support.id, { locale: 'it-IT', currency: 'CHF' });
    const user = await holding([support]);
    const session = await run.api.login(user.username, user.password);
    expect((await mine(session)).resolved.locale).toMatchObject({ value: 'it-IT', layer: 'ROLE' });

    const put = await session.put('/api/me/configuration', { locale: 'pt-BR' });
    expect(put.status).toBe(200);
    expect(put.body.resolved.locale).toEqual({ value: 'pt-BR', layer: 'USER' });
    const after = await mine(session);
    expect(after.resolved.locale).toEqual({ value: 'pt-BR', layer: 'USER' });
    expect(after.resolved.currency).toEqual({ value: 'CHF', layer: 'ROLE', role: { id: support.id, name: 'Support' } });
    expect(after.layers).toEqual([{ layer: 'SYSTEM' }, { layer: 'ROLE', role: { id: support.id, name: 'Support', priority: 5 } }, { layer: 'USER' }]);
    expect(after).toMatchObject({ customized: ['locale'], settings: { locale: 'pt-BR', currency: 'CHF' } });

    // An API key acts with the user's fixed and default roles in its organization.
    const { apiKey } = (await run.admin.post(`/api/users/${user.id}/api-key`, {})).body;
    const byKey = await run.api.get('/api/me/configuration', { 'X-API-Key': apiKey });
    expect(byKey.body.layers).toEqual(after.layers);
    expect(byKey.body.resolved.currency).toMatchObject({ value: 'CHF', layer: 'ROLE' });

    // The administrator's route shows the user's own layer only: resolution needs a session.
    const byAdmin = await run.admin.get(`/api/users/${user.id}/configuration`);
    expect(byAdmin.body).toMatchObject({ customized: ['locale'], settings: { locale: 'pt-BR', currency: 'USD' } });
    expect(byAdmin.body.resolved).toBeUndefined();
  });

  it('an organization value beats the default, and a value removed from a role falls back to it', async () => {
    const main = run.ids.organizationId;
    const org = await run.admin.put(`/api/organizations/${main}/configuration`, { locale: 'es-ES', currency: 'EUR', firstDayOfWeek: 'SUNDAY' });
    expect(org.status).toBe(200);
    expect(org.body).toMatchObject({ organizationId: main, values: { locale: 'es-ES', currency: 'EUR', firstDayOfWeek: 'SUNDAY' }, settings: { timeZone: 'UTC', locale: 'es-ES' } });
    expect((await run.admin.get(`/api/organizations/${main}/configuration`)).body.customized).toEqual(['currency', 'firstDayOfWeek', 'locale']);

    const desk = await addRole('Desk');
    await attach(desk.id, { locale: 'nl-NL', currency: 'GBP' });
    const user = await holding([desk]);
    const session = await run.api.login(user.username, user.password);
    const before = await mine(session);
    expect(before.resolved).toMatchObject({
      locale: { value: 'nl-NL', layer: 'ROLE' },
      currency: { value: 'GBP', layer: 'ROLE' },
      firstDayOfWeek: { value: 'SUNDAY', layer: 'ORGANIZATION', organizationId: main },
      dateFormat: { value: 'yyyy-MM-dd', layer: 'SYSTEM' },
    });
    expect(before.layers).toEqual([{ layer: 'SYSTEM' }, { layer: 'ORGANIZATION', organizationId: main }, { layer: 'ROLE', role: { id: desk.id, name: 'Desk', priority: 0 } }]);

    // PUT replaces the role's values: locale left out now comes from the organization.
    await attach(desk.id, { currency: 'GBP' });
    const removed = await mine(session);
    expect(removed.resolved.locale).toEqual({ value: 'es-ES', layer: 'ORGANIZATION', organizationId: main });
    expect(removed.resolved.currency).toMatchObject({ value: 'GBP', layer: 'ROLE' });

    // DELETE takes the configuration away: the role leaves the tree.
    const detached = await run.admin.delete(`/api/roles/${desk.id}/configuration`);
    expect(detached.body).toMatchObject({ roleId: desk.id, configured: false, values: {} });
    const gone = await mine(session);
    expect(gone.resolved.currency).toEqual({ value: 'EUR', layer: 'ORGANIZATION', organizationId: main });
    expect(gone.layers).toEqual([{ layer: 'SYSTEM' }, { layer: 'ORGANIZATION', organizationId: main }]);
    expect((await run.admin.get(`/api/roles/${desk.id}/configuration`)).body).toMatchObject({ configured: false, values: {} });

    // A key the organization drops falls back to the system default.
    await run.admin.put(`/api/organizations/${main}/configuration`, { currency: 'EUR' });
    expect((await mine(session)).resolved.locale).toEqual({ value: 'en-US', layer: 'SYSTEM' });

    // A deleted role takes its configuration with it.
    const temporary = await addRole('Temporary');
    await attach(temporary.id, { locale: 'sv-SE' });
    expect((await run.admin.delete(`/api/roles/${temporary.id}`)).status).toBe(200);
    expect(await adminQuery(db(), 'SELECT 1 FROM role_configurations WHERE role_id = $1', [temporary.id])).toEqual([]);
  });

  it('a write one level too low or from another organization is refused and changes nothing', async () => {
    const main = run.ids.organizationId;
    const systemRole = await addRole('System desk');
    await attach(systemRole.id, { locale: 'de-DE' });
    const mainDesk = await addRole('Main desk', { organizationId: main });
    await attach(mainDesk.id, { locale: 'fr-FR' });
    const mainPowerful = await addRole('Main deleters', { organizationId: main, permissions: perms('User', ['VIEW', 'DELETE'], 'ORGANIZATION') });

    // Organization VIEW but no EDIT; Role EDIT only at ORGANIZATION level.
    const lowRole = await addRole('Low configurer', {
      organizationId: main,
      permissions: [...perms('Organization', ['VIEW'], 'ORGANIZATION'), ...perms('Role', ['VIEW', 'EDIT'], 'ORGANIZATION')],
    });
    const low = await run.api.login((await holding([lowRole])).username, 'Str0ng-Password');
    const fingerprint = await storedLayers();
    const lowOrg = await low.put(`/api/organizations/${main}/configuration`, { locale: 'ja-JP' });
    expect(lowOrg.status).toBe(403);
    expect(lowOrg.body).toMatchObject({ statusCode: 403, code: 'ACCESS_DENIED', details: { missing: { entity: 'Organization', action: 'EDIT' } } });
    expect((await low.get(`/api/organizations/${main}/configuration`)).status).toBe(200);
    const lowSystem = await low.put(`/api/roles/${systemRole.id}/configuration`, { locale: 'ja-JP' });
    expect(lowSystem.status).toBe(403);
    expect(lowSystem.body.details).toMatchObject({ missing: { entity: 'Role', action: 'EDIT', level: 'GLOBAL' } });
    expect((await low.delete(`/api/roles/${systemRole.id}/configuration`)).status).toBe(403);
    // Attaching a configuration is editing the role: the actor must hold what the role grants.
    const escalation = await low.put(`/api/roles/${mainPowerful.id}/configuration`, { locale: 'ja-JP' });
    expect(escalation.body).toMatchObject({ statusCode: 403, code: 'ESCALATION_DENIED' });
    expect(await storedLayers()).toBe(fingerprint);
    // Within reach it works: a role of its organization that grants nothing it lacks.
    const reachable = await low.put(`/api/roles/${mainDesk.id}/configuration`, { locale: 'ja-JP' });
    expect(reachable.body).toMatchObject({ roleId: mainDesk.id, values: { locale: 'ja-JP' } });

    // A manager of another organization, at ORGANIZATION level on both resources.
    const other = (await run.admin.post('/api/organizations', { name: 'Elsewhere' })).body;
    const otherManager = await addRole('Elsewhere manager', {
      organizationId: other.id,
      permissions: [...perms('Organization', ['VIEW', 'EDIT'], 'ORGANIZATION'), ...perms('Role', ['VIEW', 'EDIT'], 'ORGANIZATION')],
    });
    const far = await holding([otherManager], { ownerBusinessUnitId: other.rootBusinessUnitId, organizationIds: [other.id], businessUnitIds: [other.rootBusinessUnitId] });
    const farSession = await run.api.login(far.username, far.password);
    const before = await storedLayers();
    expect((await farSession.put(`/api/organizations/${main}/configuration`, { locale: 'ja-JP' })).status).toBe(403);
    expect((await farSession.get(`/api/organizations/${main}/configuration`)).status).toBe(403);
    expect((await farSession.put(`/api/roles/${mainDesk.id}/configuration`, { locale: 'ja-JP' })).status).toBe(404);
    expect((await farSession.get(`/api/roles/${mainDesk.id}/configuration`)).status).toBe(404);
    expect((await farSession.delete(`/api/roles/${mainDesk.id}/configuration`)).status).toBe(404);
    expect((await farSession.put(`/api/roles/${systemRole.id}/configuration`, { locale: 'ja-JP' })).status).toBe(403);
    expect(await storedLayers()).toBe(before);
    // Its own organization it configures.
    const own = await farSession.put(`/api/organizations/${other.id}/configuration`, { timeZone: 'Asia/Tokyo' });
    expect(own.body).toMatchObject({ organizationId: other.id, values: { timeZone: 'Asia/Tokyo' } });
    expect((await mine(farSession)).resolved.timeZone).toEqual({ value: 'Asia/Tokyo', layer: 'ORGANIZATION', organizationId: other.id });
  });

  it('bad input is a 400 naming the field on every layer and changes nothing', async () => {
    const main = run.ids.organizationId;
    const role = await addRole('Validated', { priority: -3 });
    await attach(role.id, { locale: 'de-DE' });
    const user = await holding([role]);
    const session = await run.api.login(user.username, user.password);
    const fingerprint = await storedLayers();
    const routes: [GatewayClient, string][] = [
      [run.admin, `/api/organizations/${main}/configuration`],
      [run.admin, `/api/roles/${role.id}/configuration`],
      [session, '/api/me/configuration'],
    ];
    const bodies: [Record<string, unknown>, string][] = [
      [{ locale: 'de-DE', theme: 'dark' }, 'theme'],
      [{ locale: 'de\u0000DE' }, 'locale'],
      [{ itemsPerPage: 5000 }, 'itemsPerPage'],
      [{ itemsPerPage: 9 }, 'itemsPerPage'],
      [{ timeZone: 'Mars/Olympus' }, 'timeZone'],
      [{ locale: 'x'.repeat(100) }, 'locale'],
      [{ locale: null }, 'locale'],
      [{ firstDayOfWeek: 'FUNDAY' }, 'firstDayOfWeek'],
    ];
    for (const [client, path] of routes) {
      for (const [body, field] of bodies) {
        const response = await client.put(path, body);
        expect({ path, body, status: response.status, statusCode: response.body.statusCode }).toEqual({ path, body, status: 400, statusCode: 400 });
        expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
      }
    }
    for (const priority of [1001, -1001, 1.5, '7']) {
      const response = await run.admin.put(`/api/roles/${role.id}`, { name: 'Validated', permissions: [], capabilities: [], priority });
      expect({ priority, status: response.status }).toEqual({ priority, status: 400 });
      expect(response.body.details.map((d: { field: string }) => d.field)).toContain('priority');
    }
    const badCreate = await run.admin.post('/api/roles', { name: 'Too high', permissions: [], capabilities: [], priority: 5000 });
    expect(badCreate.status).toBe(400);
    // Tickets' roles have no configuration and take no priority.
    expect((await run.admin.post('/api/tickets/roles', { name: 'Prioritised', permissions: [], capabilities: [], priority: 1 })).status).toBe(400);
    expect(await storedLayers()).toBe(fingerprint);
    expect((await adminQuery(db(), "SELECT count(*)::int AS n FROM roles WHERE name = 'Too high'"))[0].n).toBe(0);
  });
});
