import { adminQuery, GatewayClient } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe('identity directory: organizations, units, roles, profiles, groups, users, configuration', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;
  const patch = (client: GatewayClient, path: string, body: unknown) => client.request('PATCH', path, body);
  const put = (client: GatewayClient, path: string, body: unknown) => client.request('PUT', path, body);
  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_MAX_FAILURES: '3' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  describe('organizations and the business-unit tree', () => {
    it('creates an organization with its root unit, lists, views and renames it', async () => {
      const created = await run.admin.post('/api/organizations', { name: 'Acme' });
      expect(created.status).toBe(201);
      expect(created.body.rootBusinessUnitId).toEqual(expect.any(String));
      const list = await run.admin.get('/api/organizations?limit=10');
      expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(['Acme', 'Main']);
      expect(list.body.total).toBe(2);
      const renamed = await patch(run.admin, `/api/organizations/${created.body.id}`, { name: 'Acme Corp' });
      expect(renamed.body.name).toBe('Acme Corp');
      expect((await run.admin.get(`/api/organizations/${created.body.id}`)).body.name).toBe('Acme Corp');
      const duplicate = await run.admin.post('/api/organizations', { name: 'main' });
      expect(duplicate.status).toBe(400);
      expect(duplicate.body.details[0].field).toBe('name');
    });

    it('builds a tree, moves a branch, and refuses cycles and foreign parents naming parentId', async () => {
      const root = run.ids.businessUnitId;
      const unit = async (name: string, parentId: string) => {
        const response = await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId });
        expect(response.status).toBe(201);
        return response.body.id as string;
      };
      const sales = await unit('Sales', root);
      const emea = await unit('EMEA', sales);
      const berlin = await unit('Berlin', emea);
      const support = await unit('Support', root);

      const tree = await run.admin.get(`/api/business-units?organizationId=${run.ids.organizationId}`);
      expect(tree.body.items.map((u: { name: string; depth: number }) => `${u.depth}:${u.name}`)).toEqual(['0:Main', '1:Sales', '2:EMEA', '3:Berlin', '1:Support']);

      for (const target of [sales, emea, berlin]) {
        const cycle = await run.admin.post(`/api/business-units/${sales}/move`, { parentId: target });
        expect(cycle.status).toBe(400);
        expect(cycle.body.details[0].field).toBe('parentId');
      }
      const foreignRoot = (await run.admin.get('/api/organizations?q=Acme')).body.items[0].rootBusinessUnitId;
      const foreign = await run.admin.post(`/api/business-units/${emea}/move`, { parentId: foreignRoot });
      expect(foreign.status).toBe(400);
      expect(foreign.body.message).toContain('another organization');
      const foreignCreate = await run.admin.post('/api/business-units', { name: 'X', organizationId: run.ids.organizationId, parentId: foreignRoot });
      expect(foreignCreate.body.details[0].field).toBe('parentId');

      const moved = await run.admin.post(`/api/business-units/${emea}/move`, { parentId: support });
      expect(moved.status).toBe(200);
      expect(moved.body).toMatchObject({ parentId: support, depth: 2 });
      const [row] = await adminQuery(db(), 'SELECT parent_id FROM business_units WHERE id = $1', [berlin]);
      expect(row.parent_id).toBe(emea);
      expect((await patch(run.admin, `/api/business-units/${berlin}`, { name: 'Berlin Mitte' })).body.name).toBe('Berlin Mitte');
    });
  });

  describe('roles', () => {
    const outboxOf = async (roleId: string) =>
      adminQuery(run.environment.databases.identity, `SELECT type FROM outbox WHERE type = 'identity.role.changed' AND envelope->'data'->>'roleId' = $1`, [roleId]);

    it('creates, updates and deletes a role, publishing identity.role.changed each time', async () => {
      const created = await run.admin.post('/api/roles', {
        name: 'Sales Manager',
        label: 'Sales manager',
        permissions: [{ entity: 'User', action: 'VIEW', level: 'DIVISION' }],
        capabilities: ['export_users'],
        fieldPermissions: [{ entity: 'User', field: 'birthday', action: 'VIEW', level: 'NONE' }],
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ name: 'Sales Manager', readOnly: false, userCount: 0, capabilities: ['export_users'] });
      const id = created.body.id;
      expect(await outboxOf(id)).toHaveLength(1);

      const updated = await put(run.admin, `/api/roles/${id}`, { name: 'Sales Manager', readOnly: true, permissions: [], capabilities: [] });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ readOnly: true, permissions: [], fieldPermissions: [] });
      expect(await outboxOf(id)).toHaveLength(2);

      expect((await run.admin.request('DELETE', `/api/roles/${id}`)).status).toBe(200);
      expect((await run.admin.get(`/api/roles/${id}`)).status).toBe(404);
      expect(await outboxOf(id)).toHaveLength(3);
    });

    it('refuses to delete a role a user holds (409) and reports each invalid grant by its path', async () => {
      const role = (await run.admin.post('/api/roles', { name: 'Held', permissions: [], capabilities: [] })).body;
      await createUser({ roles: [{ roleId: role.id, default: true }] });
      const held = await run.admin.request('DELETE', `/api/roles/${role.id}`);
      expect(held.status).toBe(409);
      expect(held.body.code).toBe('ROLE_IN_USE');

      const invalid = await run.admin.post('/api/roles', {
        name: 'Broken',
        permissions: [
          { entity: 'Role', action: 'VIEW', level: 'BUSINESS_UNIT' },
          { entity: 'Organization', action: 'CONFIGURE', level: 'ORGANIZATION' },
          { entity: 'Nope', action: 'VIEW', level: 'GLOBAL' },
        ],
        capabilities: ['fly'],
      });
      expect(invalid.status).toBe(400);
      expect(invalid.body.details.map((d: { field: string }) => d.field).sort()).toEqual(
        ['capabilities.0', 'permissions.0.level', 'permissions.1.action', 'permissions.2.entity'].sort(),
      );
      expect((await run.admin.get('/api/roles?q=Broken')).body.total).toBe(0);
    });
  });

  describe('security profiles and groups', () => {
    it('creates, renames (carried to holders, with identity.user.updated) and deletes a profile only when unused', async () => {
      const profile = (await run.admin.post('/api/security-profiles', { name: 'Field Sales', description: 'on the road' })).body;
      const user = await createUser({ securityProfiles: ['Field Sales'] });
      const renamed = await patch(run.admin, `/api/security-profiles/${profile.id}`, { name: 'Road Sales' });
      expect(renamed.body).toMatchObject({ name: 'Road Sales', userCount: 1 });
      expect((await run.admin.get(`/api/users/${user.id}`)).body.securityProfiles).toEqual(['Road Sales']);
      const events = await adminQuery(db(), `SELECT envelope->'data' AS data FROM outbox WHERE type = 'identity.user.updated' AND envelope->'data'->>'id' = $1`, [user.id]);
      expect(events.map((e) => e.data)).toEqual([{ id: user.id, securityProfiles: ['Road Sales'] }]);
      expect((await run.admin.request('DELETE', `/api/security-profiles/${profile.id}`)).status).toBe(409);
      await patch(run.admin, `/api/users/${user.id}`, { securityProfiles: [] });
      expect((await run.admin.request('DELETE', `/api/security-profiles/${profile.id}`)).status).toBe(200);
    });

    it('keeps groups per organization and puts users in them', async () => {
      const group = (await run.admin.post('/api/groups', { name: 'Marketing', organizationId: run.ids.organizationId })).body;
      const user = await createUser({ groups: [group.id] });
      expect(user.groups).toEqual([{ id: group.id, name: 'Marketing' }]);
      const listed = await run.admin.get(`/api/groups?organizationId=${run.ids.organizationId}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ name: 'Marketing', userCount: 1 })]);
      expect((await patch(run.admin, `/api/groups/${group.id}`, { name: 'Growth' })).body.name).toBe('Growth');
    });
  });

  describe('users: fields, list, scope, state', () => {
    it('stores every OroCRM field, the avatar as bytes, and edits them with an update event of the changed fields', async () => {
      const user = await createUser({
        namePrefix: 'Dr.',
        middleName: 'King',
        nameSuffix: 'III',
        birthday: '1985-12-10',
        phone: '+44 20 7946 0000',
        emails: ['ada.work@example.com'],
        customFields: { jobTitle: 'Analyst', level: 3, remote: true },
        avatar: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
      });
      expect(user).toMatchObject({ namePrefix: 'Dr.', middleName: 'King', birthday: '1985-12-10', emails: ['ada.work@example.com'], avatarUrl: `/api/users/${user.id}/avatar` });
      const avatar = await fetch(`${run.environment.gatewayUrl}/api/users/${user.id}/avatar`, { headers: { authorization: `Bearer ${run.admin.token}` } });
      expect(avatar.headers.get('content-type')).toBe('image/png');
      expect(Buffer.from(await avatar.arrayBuffer()).equals(PNG)).toBe(true);
      const [stored] = await adminQuery(db(), 'SELECT length(data) AS size FROM user_avatars WHERE user_id = $1', [user.id]);
      expect(stored.size).toBe(PNG.length);

      const edited = await patch(run.admin, `/api/users/${user.id}`, { lastName: 'Byron', phone: null });
      expect(edited.status).toBe(200);
      expect(edited.body).toMatchObject({ lastName: 'Byron', phone: null, middleName: 'King' });
      const [event] = await adminQuery(db(), `SELECT envelope->'data' AS data FROM outbox WHERE type = 'identity.user.updated' AND envelope->'data'->>'id' = $1`, [user.id]);
      expect(event.data).toEqual({ id: user.id, lastName: 'Byron' });
    });

    it('filters, searches, sorts and pages the list with a matching total', async () => {
      const tag = `zz${Date.now().toString(36)}`;
      const made = [];
      for (const [i, last] of ['Carter', 'Adams', 'Baker'].entries()) {
        made.push(await createUser({ username: `${tag}.${i}`, lastName: last, primaryEmail: `${tag}.${i}@example.com`, enabled: i !== 2 }));
      }
      const byLast = await run.admin.get(`/api/users?q=${tag}&sort=lastName&order=asc`);
      expect(byLast.body.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Adams', 'Baker', 'Carter']);
      expect(byLast.body.total).toBe(3);
      const page = await run.admin.get(`/api/users?q=${tag.toUpperCase()}&sort=username&order=desc&limit=1&offset=1`);
      expect(page.body).toMatchObject({ total: 3, items: [expect.objectContaining({ username: `${tag}.1` })] });
      const disabled = await run.admin.get(`/api/users?q=${tag}&enabled=false`);
      expect(disabled.body.items.map((u: { id: string }) => u.id)).toEqual([made[2].id]);
      const cannotLogin = await run.admin.get(`/api/users?q=${tag}&cannotLogin=true`);
      expect(cannotLogin.body.total).toBe(1);
      const byEmail = await run.admin.get(`/api/users?q=${tag}.0@EXAMPLE`);
      expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([made[0].id]);
      const all = await run.admin.get(`/api/users?limit=500&organizationId=${run.ids.organizationId}&authStatus=ACTIVE`);
      expect(all.body.total).toBe(all.body.items.length);
    });

    it('shows a BUSINESS_UNIT-level viewer only the users owned by their units, in list, count and view', async () => {
      const unit = (await run.admin.post('/api/business-units', { name: 'Scoped', organizationId: run.ids.organizationId, parentId: run.ids.businessUnitId })).body.id;
      const role = (await run.admin.post('/api/roles', { name: 'Unit Viewer', permissions: [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] })).body;
      const viewerBody = { ownerBusinessUnitId: unit, businessUnitIds: [unit], roles: [{ roleId: role.id, default: true }] };
      const viewer = await createUser(viewerBody);
      const colleague = await createUser({ ownerBusinessUnitId: unit, businessUnitIds: [unit] });
      const outsider = await createUser();
      const session = await run.api.login(viewer.username, viewer.password);

      const list = await session.get('/api/users?limit=500');
      expect(list.status).toBe(200);
      expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([viewer.id, colleague.id].sort());
      expect(list.body.total).toBe(2);
      expect((await session.get(`/api/users/${colleague.id}`)).status).toBe(200);
      const outside = await session.get(`/api/users/${outsider.id}`);
      expect(outside.status).toBe(403);
      expect(outside.body.code).toBe('ACCESS_DENIED');
      expect((await session.get('/api/users/6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11')).status).toBe(404);
      expect((await patch(session, `/api/users/${colleague.id}`, { firstName: 'Eve' })).status).toBe(403);
    });

    it('disabling ends the sessions and login answers 403 DISABLED; enabling lets the user back in', async () => {
      const user = await createUser();
      const session = await run.api.login(user.username, user.password);
      expect((await run.admin.post(`/api/users/${user.id}/disable`)).body.enabled).toBe(false);
      const [open] = await adminQuery(db(), 'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [user.id]);
      expect(open.n).toBe(0);
      const [ended] = await adminQuery(db(), 'SELECT end_reason FROM sessions WHERE user_id = $1', [user.id]);
      expect(ended.end_reason).toBe('DISABLED');
      const refused = await run.api.post('/api/auth/login', { username: user.username, password: user.password });
      expect(refused.status).toBe(403);
      expect(refused.body.code).toBe('DISABLED');
      expect(session).toBeDefined();
      const types = await adminQuery(db(), `SELECT type FROM outbox WHERE envelope->'data'->>'id' = $1 AND type LIKE 'identity.user.%abled' ORDER BY seq`, [user.id]);
      expect(types.map((t) => t.type)).toEqual(['identity.user.disabled']);
      await run.admin.post(`/api/users/${user.id}/enable`);
      expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
    });

    it('activate unlocks a user locked after LOGIN_MAX_FAILURES wrong passwords', async () => {
      const user = await createUser();
      for (let i = 0; i < 2; i++) await run.api.post('/api/auth/login', { username: user.username, password: 'wrong-Passw0rd' });
      const [before] = await adminQuery(db(), 'SELECT auth_status, failed_logins FROM users WHERE id = $1', [user.id]);
      expect(before).toEqual({ auth_status: 'ACTIVE', failed_logins: 2 });
      await run.api.post('/api/auth/login', { username: user.username, password: 'wrong-Passw0rd' });
      expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(423);
      expect((await run.admin.get(`/api/users?authStatus=LOCKED&q=${user.username}`)).body.total).toBe(1);
      const activated = await run.admin.post(`/api/users/${user.id}/activate`);
      expect(activated.body.authStatus).toBe('ACTIVE');
      const [row] = await adminQuery(db(), 'SELECT failed_logins FROM users WHERE id = $1', [user.id]);
      expect(row.failed_logins).toBe(0);
      expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
    });
  });

  describe('own profile and configuration', () => {
    it('lets a user edit their own profile but not their roles', async () => {
      const role = (await run.admin.post('/api/roles', { name: 'Nobody', permissions: [], capabilities: [] })).body;
      const user = await createUser({ roles: [{ roleId: role.id, default: true }] });
      const session = await run.api.login(user.username, user.password);
      expect((await session.get('/api/me/profile')).body.username).toBe(user.username);
      const edited = await patch(session, '/api/me/profile', { middleName: 'Marie', birthday: '1990-01-02' });
      expect(edited.body).toMatchObject({ middleName: 'Marie', birthday: '1990-01-02' });
      const roles = await patch(session, '/api/me/profile', { roles: [{ roleId: run.ids.administratorRoleId }] });
      expect(roles.status).toBe(400);
      expect(roles.body.details[0].field).toBe('roles');
      expect((await session.get(`/api/users/${user.id}`)).status).toBe(403);
    });

    it('gives defaults, stores per organization, and lets an administrator configure a user', async () => {
      const user = await createUser();
      const session = await run.api.login(user.username, user.password);
      const defaults = await session.get('/api/me/configuration');
      expect(defaults.body).toMatchObject({ organizationId: run.ids.organizationId, customized: [], settings: { locale: 'en-US', timeZone: 'UTC' } });
      const mine = await put(session, '/api/me/configuration', { locale: 'de-DE', timeZone: 'Europe/Berlin', firstDayOfWeek: 'MONDAY' });
      expect(mine.body).toMatchObject({ customized: ['firstDayOfWeek', 'locale', 'timeZone'], settings: { locale: 'de-DE', timeZone: 'Europe/Berlin', dateFormat: 'yyyy-MM-dd' } });
      const byAdmin = await run.admin.get(`/api/users/${user.id}/configuration`);
      expect(byAdmin.body.settings.timeZone).toBe('Europe/Berlin');
      await put(run.admin, `/api/users/${user.id}/configuration`, { timeZone: 'America/New_York' });
      expect((await session.get('/api/me/configuration')).body.settings).toMatchObject({ timeZone: 'America/New_York', locale: 'en-US' });
      const [row] = await adminQuery(db(), 'SELECT settings FROM user_configurations WHERE user_id = $1', [user.id]);
      expect(row.settings).toEqual({ timeZone: 'America/New_York' });
    });
  });
});
