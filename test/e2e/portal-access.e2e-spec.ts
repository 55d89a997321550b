import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { createUser, RunningSuite, startWholeSuite } from './suite-fixture';

const MINIMUM = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT'];
const ALL = [...MINIMUM, 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'];

/** How soon an access change must reach a user's open session (the 1 s). */
const CHANGE_DEADLINE_MS = 1000;

describe('portal access: minimum, profiles, users\' access, the feature gate', () => {
  let run: RunningSuite;
  let plainRoleId: string;
  const enabledOf = (home: { body: { features: { key: string; enabled: boolean }[] } }) => home.body.features.filter((f) => f.enabled).map((f) => f.key);
  const accessRow = async (userId: string) => (await adminQuery<{ profile: string; enabled: boolean }>(run.environment.databases.portal, 'SELECT profile, enabled FROM portal_user_access WHERE user_id = $1', [userId]))[0];
  const portalUser = async (overrides: Record<string, unknown> = {}) => {
    const user = await createUser(run, overrides);
    await eventually(async () => ((await accessRow(user.id)) ? true : undefined), 5000);
    return { ...user, client: await run.api.login(user.username, user.password) };
  };

  beforeAll(async () => {
    run = await startWholeSuite();
    const role = await run.admin.post('/api/roles', { name: 'PORTAL_PLAIN', permissions: [], capabilities: [] });
    expect(role.status).toBe(201);
    plainRoleId = role.body.id;
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a new user sees exactly the minimum, with the MINIMUM profile described, and is refused the rest', async () => {
    const user = await portalUser({ roles: [{ roleId: plainRoleId, default: true }] });
    const home = await user.client.get('/api/portal/home');
    expect(home.status).toBe(200);
    expect(home.body.features.map((f: { key: string }) => f.key)).toEqual(ALL);
    expect(enabledOf(home)).toEqual(MINIMUM);
    expect(home.body.features.filter((f: { enabled: boolean; url?: string }) => f.enabled).every((f: { url?: string }) => typeof f.url === 'string')).toBe(true);
    expect(home.body.access).toEqual({ profile: 'MINIMUM', description: expect.stringMatching(/\S/) });
    for (const [path, feature] of [['/api/portal/payments', 'PAYMENTS'], ['/api/portal/account', 'PAYMENTS'], ['/api/portal/modules', 'MODULES'], ['/api/portal/tickets', 'SERVICE_TICKETS']]) {
      const refused = await user.client.get(path);
      expect({ path, status: refused.status, code: refused.body.code, details: refused.body.details }).toEqual({ path, status: 403, code: 'PORTAL_FEATURE_DISABLED', details: { feature } });
    }
    // Managing access needs portal_access_admin.
    expect((await user.client.get('/api/portal/access-profiles')).status).toBe(403);
    const forged = await user.client.post('/api/portal/access-profiles', { name: 'Forged', description: 'Every feature.', features: ALL }, { 'idempotency-key': 'forged-1' });
    expect(forged.status).toBe(403);
    expect(await adminQuery(run.environment.databases.portal, "SELECT 1 FROM portal_access_profiles WHERE name = 'Forged'")).toHaveLength(0);
    expect((await user.client.put(`/api/portal/users/${user.id}/access`, { profile: 'MINIMUM' })).status).toBe(403);
  });

  it('granting a profile opens its features at once on the same token; removing restores the minimum; a profile in use cannot be deleted', async () => {
    const user = await portalUser({ roles: [{ roleId: plainRoleId, default: true }] });
    const profile = await run.admin.post('/api/portal/access-profiles', { name: 'Gold', description: 'Everything the portal has.', features: ALL });
    expect(profile.status).toBe(201);
    expect(profile.body).toMatchObject({ name: 'Gold', features: ALL, builtIn: false });
    expect((await user.client.get('/api/portal/payments')).status).toBe(403); // now cached as refused

    const granted = await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'gold' });
    expect(granted.status).toBe(200);
    expect(granted.body).toMatchObject({ userId: user.id, profile: 'Gold', enabled: true });
    const opened = await eventually(async () => ((await user.client.get('/api/portal/payments')).status === 200 ? true : undefined), CHANGE_DEADLINE_MS);
    expect(opened.value).toBe(true);
    const home = await user.client.get('/api/portal/home');
    expect(enabledOf(home)).toEqual(ALL);
    expect(home.body.access).toEqual({ profile: 'Gold', description: 'Everything the portal has.' });
    expect((await run.admin.get(`/api/portal/users/${user.id}/access`)).body.profile).toBe('Gold');

    const inUse = await run.admin.delete(`/api/portal/access-profiles/${profile.body.id}`);
    expect({ status: inUse.status, code: inUse.body.code }).toEqual({ status: 409, code: 'ACCESS_PROFILE_IN_USE' });

    // Narrowing the profile reaches its holders too.
    expect((await run.admin.patch(`/api/portal/access-profiles/${profile.body.id}`, { features: [...MINIMUM, 'MODULES'] })).status).toBe(200);
    await eventually(async () => ((await user.client.get('/api/portal/payments')).status === 403 ? true : undefined), CHANGE_DEADLINE_MS);
    expect((await user.client.get('/api/portal/modules')).status).toBe(200);

    const removed = await run.admin.delete(`/api/portal/users/${user.id}/access`);
    expect(removed.status).toBe(200);
    expect(removed.body.profile).toBe('MINIMUM');
    await eventually(async () => ((await user.client.get('/api/portal/modules')).status === 403 ? true : undefined), CHANGE_DEADLINE_MS);
    expect(enabledOf(await user.client.get('/api/portal/home'))).toEqual(MINIMUM);
    expect(await accessRow(user.id)).toEqual({ profile: 'MINIMUM', enabled: true });

    expect((await run.admin.delete(`/api/portal/access-profiles/${profile.body.id}`)).status).toBe(200);
    expect((await run.admin.get('/api/portal/access-profiles')).body.items.map((p: { name: string }) => p.name)).toEqual(['MINIMUM']);
  });

  it('refuses bad profiles and unknown names, naming the cause, and writes nothing', async () => {
    const user = await portalUser();
    const count = async () => (await adminQuery<{ n: number }>(run.environment.databases.portal, 'SELECT count(*)::int AS n FROM portal_access_profiles'))[0].n;
    const before = await count();
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'X', description: 'd', features: ['TELEPORT'] }, 'features'],
      [{ name: 'X', description: 'd', features: ['BLOG', 'BLOG'] }, 'features'],
      [{ name: 'X', description: '   ', features: [] }, 'description'],
      [{ name: 'has space', description: 'd', features: [] }, 'name'],
      [{ name: 'x'.repeat(65), description: 'd', features: [] }, 'name'],
      [{ name: 'minimum', description: 'd', features: [] }, 'name'],
      [{ name: 'X', description: 'd', features: 'BLOG' }, 'features'],
    ];
    for (const [body, field] of cases) {
      const response = await run.admin.post('/api/portal/access-profiles', body);
      expect({ body, status: response.status, field: response.body.details?.[0]?.field }).toEqual({ body, status: 400, field });
    }
    expect(await count()).toBe(before);
    const unknown = await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'NOPE' });
    expect({ status: unknown.status, code: unknown.body.code }).toEqual({ status: 404, code: 'ACCESS_PROFILE_NOT_FOUND' });
    const nobody = await run.admin.put('/api/portal/users/00000000-0000-4000-8000-000000000000/access', { profile: 'MINIMUM' });
    expect({ status: nobody.status, code: nobody.body.code }).toEqual({ status: 404, code: 'PORTAL_USER_NOT_FOUND' });
    const [minimum] = (await run.admin.get('/api/portal/access-profiles')).body.items;
    const builtIn = await run.admin.patch(`/api/portal/access-profiles/${minimum.id}`, { features: ALL });
    expect({ status: builtIn.status, code: builtIn.body.code }).toEqual({ status: 409, code: 'ACCESS_PROFILE_BUILT_IN' });
    expect(await accessRow(user.id)).toEqual({ profile: 'MINIMUM', enabled: true });
  });

  it('a disabled identity user loses portal access and regains it when enabled', async () => {
    const user = await portalUser();
    expect((await run.admin.post(`/api/users/${user.id}/disable`)).status).toBe(200);
    await eventually(async () => ((await accessRow(user.id)).enabled === false ? true : undefined), 5000);
    const disabled = await run.admin.get(`/api/portal/users/${user.id}/access`);
    expect(disabled.body).toMatchObject({ enabled: false, profile: 'MINIMUM' });
    expect(disabled.body.features.filter((f: { enabled: boolean }) => f.enabled)).toEqual([]);
    expect((await run.admin.post(`/api/users/${user.id}/enable`)).status).toBe(200);
    await eventually(async () => ((await accessRow(user.id)).enabled ? true : undefined), 5000);
    const client: GatewayClient = await run.api.login(user.username, user.password);
    expect(enabledOf(await client.get('/api/portal/home'))).toEqual(MINIMUM);
  });

  it('an administrator of one organization reaches only its users unless it sees users everywhere', async () => {
    const acme = await run.admin.post('/api/organizations', { name: 'PortalAcme' });
    expect(acme.status).toBe(201);
    const role = await run.admin.post('/api/roles', {
      name: 'PORTAL_ORG_ADMIN',
      permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }],
      capabilities: ['portal_access_admin'],
    });
    expect(role.status).toBe(201);
    const main = await portalUser({ roles: [{ roleId: plainRoleId, default: true }] });
    const acmeAdmin = await portalUser({
      organizationIds: [acme.body.id],
      ownerBusinessUnitId: acme.body.rootBusinessUnitId,
      businessUnitIds: [acme.body.rootBusinessUnitId],
      roles: [{ roleId: role.body.id, default: true }],
    });
    const foreign = await acmeAdmin.client.get(`/api/portal/users/${main.id}/access`);
    expect({ status: foreign.status, code: foreign.body.code }).toEqual({ status: 404, code: 'PORTAL_USER_NOT_FOUND' });
    expect((await acmeAdmin.client.delete(`/api/portal/users/${main.id}/access`)).status).toBe(404);
    expect((await acmeAdmin.client.get(`/api/portal/users/${acmeAdmin.id}/access`)).status).toBe(200);
    // The suite's ADMINISTRATOR holds User VIEW at GLOBAL: it reaches both.
    expect((await run.admin.get(`/api/portal/users/${acmeAdmin.id}/access`)).status).toBe(200);
  });
});
