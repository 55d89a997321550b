import { adminQuery, callRpc, eventually, GatewayClient } from '@app/testing';
import { createUser as createSuiteUser, newUserBody, report, RunningSuite, startWholeSuite } from './suite-fixture';

/** Inserts a role straight into identity's database, so these tests do not depend on the roles API. */
async function insertRole(run: RunningSuite, name: string, definition: { readOnly?: boolean; permissions: unknown[]; capabilities?: string[]; fieldPermissions?: unknown[] }) {
  const [row] = await adminQuery<{ id: string }>(
    run.environment.databases.identity,
    'INSERT INTO roles (name, read_only, permissions, capabilities, field_permissions) VALUES ($1, $2, $3, $4, $5) RETURNING id',
    [name, definition.readOnly ?? false, JSON.stringify(definition.permissions), JSON.stringify(definition.capabilities ?? []), JSON.stringify(definition.fieldPermissions ?? [])],
  );
  return row.id;
}

const createUser = (run: RunningSuite, roles: { roleId: string; fixed?: boolean; default?: boolean }[]) => createSuiteUser(run, { roles });

describe('sessions: permissions overview, field ACL, sessions ended by events', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    // A long session cache, so that only identity's events can end a cached session quickly.
    run = await startWholeSuite({ SESSION_CACHE_MS: '60000', LOGIN_MAX_FAILURES: '3' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('shows every entity and capability with its state for the session', async () => {
    const admin = await run.admin.get('/api/me/permissions');
    expect(admin.status).toBe(200);
    expect(admin.body.entities.find((e: { entity: string }) => e.entity === 'User').state).toBe('ENABLED');
    expect(admin.body.capabilities.every((c: { state: string }) => c.state === 'ENABLED')).toBe(true);

    const viewerRole = await insertRole(run, 'USER_VIEWER', { readOnly: true, permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }, { entity: 'User', action: 'EDIT', level: 'ORGANIZATION' }], capabilities: ['export_users'] });
    const viewer = await createUser(run, [{ roleId: viewerRole, default: true }]);
    const states = (await (await run.api.login(viewer.username, viewer.password)).get('/api/me/permissions')).body;
    const stateOf = (list: { entity?: string; capability?: string; state: string }[], name: string) => list.find((e) => (e.entity ?? e.capability) === name)?.state;
    expect(stateOf(states.entities, 'User')).toBe('READ_ONLY');
    expect(stateOf(states.entities, 'Ticket')).toBe('DISABLED');
    expect(stateOf(states.capabilities, 'export_users')).toBe('READ_ONLY');
    expect(stateOf(states.capabilities, 'user_management')).toBe('DISABLED');
  });

  it('refuses writing a field the role may not create, naming it, and hides fields it may not view', async () => {
    const clerkRole = await insertRole(run, 'USER_CLERK', {
      permissions: [
        { entity: 'User', action: 'VIEW', level: 'ORGANIZATION' },
        { entity: 'User', action: 'CREATE', level: 'ORGANIZATION' },
      ],
      fieldPermissions: [
        { entity: 'User', field: 'primaryEmail', action: 'VIEW', level: 'NONE' },
        { entity: 'User', field: 'securityProfiles', action: 'CREATE', level: 'NONE' },
      ],
    });
    const clerkUser = await createUser(run, [{ roleId: clerkRole, default: true }]);
    const clerk = await run.api.login(clerkUser.username, clerkUser.password);
    const before = await adminQuery(run.environment.databases.identity, 'SELECT count(*) AS n FROM users');

    const refused = await clerk.post('/api/users', newUserBody(run.ids, { roles: [{ roleId: clerkRole }] }));
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'FIELD_ACCESS_DENIED', details: [{ field: 'securityProfiles' }] });
    expect(await adminQuery(run.environment.databases.identity, 'SELECT count(*) AS n FROM users')).toEqual(before);

    const allowed = await clerk.post('/api/users', newUserBody(run.ids, { roles: [{ roleId: clerkRole }], securityProfiles: undefined }));
    expect(allowed.status).toBe(201);
    expect(allowed.body).toHaveProperty('username');
    expect(allowed.body).not.toHaveProperty('primaryEmail');
    // The administrator sees the same record whole.
    expect((await run.admin.post('/api/users', newUserBody(run.ids))).body).toHaveProperty('primaryEmail');
  });

  it('ends a cached session within a second of identity locking the user', async () => {
    const role = await insertRole(run, 'PLAIN', { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const user = await createUser(run, [{ roleId: role, default: true }]);
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/me')).status).toBe(200);

    for (let i = 0; i < 3; i += 1) await run.api.post('/api/auth/login', { username: user.username, password: 'not-it' });
    const lockedAt = Date.now();
    const ended = await eventually(async () => ((await session.get('/api/me')).status === 401 ? true : undefined), 1000, 20);
    report(`session of a locked user refused ${ended.elapsedMs} ms after the lock (session cache 60 s)`);
    expect(Date.now() - lockedAt).toBeLessThan(1500);
    expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).body.code).toBe('LOCKED');
  });

  it.each([
    ['disabled', (id: string) => `/api/users/${id}/disable`],
    ['reset', (id: string) => `/api/users/${id}/password-reset`],
  ])('ends a cached session within a second of identity reporting the user %s', async (what, action) => {
    const role = await insertRole(run, `PLAIN_${what}`, { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const user = await createUser(run, [{ roleId: role, default: true }]);
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/me')).status).toBe(200);
    expect((await run.admin.post(action(user.id), {})).status).toBeLessThan(300);
    const ended = await eventually(async () => ((await session.get('/api/me')).status === 401 ? true : undefined), 1000, 20);
    report(`session of a ${what} user refused ${ended.elapsedMs} ms after identity answered (session cache 60 s)`);
  });

  it('a changed role definition reaches cached sessions within a second', async () => {
    const definition = { name: 'SHRINKING', permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }], capabilities: [] };
    const created = await run.admin.post('/api/roles', definition);
    expect(created.status).toBe(201);
    const user = await createUser(run, [{ roleId: created.body.id, default: true }]);
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/users?limit=1')).status).toBe(200);
    const updated = await run.admin.put(`/api/roles/${created.body.id}`, { ...definition, permissions: [] });
    expect(updated.status).toBe(200);
    const refused = await eventually(async () => ((await session.get('/api/users?limit=1')).status === 403 ? true : undefined), 1000, 20);
    report(`role change reached a cached session after ${refused.elapsedMs} ms`);
  });
});

describe('sessions: login roles refresh (Aurea)', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ SESSION_CACHE_MS: '100', ROLE_REFRESH_INTERVAL: '1s' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a session without a selection picks up a new default role after the interval; one with a selection keeps its roles', async () => {
    const sales = await insertRole(run, 'Sales', { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const support = await insertRole(run, 'Support', { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const user = await createUser(run, [{ roleId: sales, default: true }, { roleId: support }]);
    const plain = await run.api.login(user.username, user.password);
    const selected = await run.api.login(user.username, user.password, { roles: ['Support'] });
    expect((await plain.get('/api/me')).body.activeRoles).toEqual(['Sales']);
    expect((await selected.get('/api/me')).body.activeRoles).toEqual(['Support']);

    await adminQuery(run.environment.databases.identity, 'UPDATE user_roles SET is_default = true WHERE user_id = $1', [user.id]);
    const refreshed = await eventually(async () => {
      const roles = (await plain.get('/api/me')).body.activeRoles;
      return roles.length === 2 ? roles : undefined;
    }, 5000, 100);
    expect(refreshed.value).toEqual(['Sales', 'Support']);
    expect((await selected.get('/api/me')).body.activeRoles).toEqual(['Support']);
  });

  it('accepts URL-encoded role names in ?roles= and activates exactly those plus the fixed ones', async () => {
    const buyer = await insertRole(run, 'Käufer Süd', { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const fixed = await insertRole(run, 'Always', { permissions: [{ entity: 'User', action: 'VIEW', level: 'USER' }] });
    const user = await createUser(run, [{ roleId: buyer }, { roleId: fixed, fixed: true }]);
    const response = await run.api.post(`/api/auth/login?roles=${encodeURIComponent('Käufer Süd')}`, { username: user.username, password: user.password });
    expect(response.status).toBe(200);
    expect(response.body.activeRoles.sort()).toEqual(['Always', 'Käufer Süd']);
    const me = await new GatewayClient(run.environment.gatewayUrl, response.body.accessToken).get('/api/me');
    expect(me.body.rolesSelected).toBe(true);
  });

  it('a user of several organizations logs in to the first by default, or to the one named', async () => {
    const [second] = await adminQuery<{ id: string }>(run.environment.databases.identity, "INSERT INTO organizations (name) VALUES ('Second') RETURNING id");
    const [unit] = await adminQuery<{ id: string }>(
      run.environment.databases.identity,
      "INSERT INTO business_units (organization_id, name) VALUES ($1, 'Second') RETURNING id",
      [second.id],
    );
    const body = newUserBody(run.ids, {
      organizationIds: [run.ids.organizationId, second.id],
      businessUnitIds: [run.ids.businessUnitId, unit.id],
    });
    expect((await run.admin.post('/api/users', body)).status).toBe(201);
    const credentials = { username: body.username, password: body.password };
    const first = await run.api.post('/api/auth/login', credentials);
    expect(first.body.organizationId).toBe(run.ids.organizationId);
    const chosen = await run.api.post('/api/auth/login', { ...credentials, organizationId: second.id });
    expect(chosen.body.organizationId).toBe(second.id);
    expect((await new GatewayClient(run.environment.gatewayUrl, chosen.body.accessToken).get('/api/me')).body.organizationId).toBe(second.id);
    const foreign = await run.api.post('/api/auth/login', { ...credentials, organizationId: '6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11' });
    expect(foreign.status).toBe(400);
    expect(foreign.body.details[0].field).toBe('organizationId');
  });
  it('tells a logged-in user its organizations and its login roles there with their flags (the web login step)', async () => {
    const other = await run.admin.post('/api/organizations', { name: 'Second Org' });
    expect(other.status).toBe(201);
    const fixedRole = await insertRole(run, 'CHOICE_FIXED', { permissions: [] });
    const defaultRole = await insertRole(run, 'CHOICE_DEFAULT', { permissions: [] });
    const optionalRole = await insertRole(run, 'CHOICE_OPTIONAL', { permissions: [] });
    const elsewhere = await insertRole(run, 'CHOICE_ELSEWHERE', { permissions: [] });
    await adminQuery(run.environment.databases.identity, 'UPDATE roles SET organization_id = $1 WHERE id = $2', [other.body.id, elsewhere]);
    const user = await createSuiteUser(run, {
      organizationIds: [run.ids.organizationId, other.body.id],
      roles: [
        { roleId: fixedRole, fixed: true, default: false },
        { roleId: defaultRole, fixed: false, default: true },
        { roleId: optionalRole, fixed: false, default: false },
        { roleId: elsewhere, fixed: false, default: true },
      ],
    });
    const session = await run.api.login(user.username, user.password, { organizationId: run.ids.organizationId });

    const choices = await session.get('/api/me/session-choices');
    expect(choices.status).toBe(200);
    expect(choices.body).toEqual({
      organizations: [
        { id: run.ids.organizationId, name: 'Main' },
        { id: other.body.id, name: 'Second Org' },
      ],
      roles: [
        { name: 'CHOICE_DEFAULT', fixed: false, default: true },
        { name: 'CHOICE_FIXED', fixed: true, default: false },
        { name: 'CHOICE_OPTIONAL', fixed: false, default: false },
      ],
    });
    // In the other organization its role counts, and the login picks fixed + default there.
    const there = await run.api.login(user.username, user.password, { organizationId: other.body.id });
    expect((await there.get('/api/me/session-choices')).body.roles.map((r: { name: string }) => r.name)).toEqual(['CHOICE_DEFAULT', 'CHOICE_ELSEWHERE', 'CHOICE_FIXED', 'CHOICE_OPTIONAL']);
    expect((await run.api.get('/api/me/session-choices')).status).toBe(401);
  });

  it("answers a login with the session exactly as sessions.get reads it back: roles, definitions, units, in each organization", async () => {
    const [other] = await adminQuery<{ id: string }>(run.environment.databases.identity, "INSERT INTO organizations (name) VALUES ('Read Back') RETURNING id");
    const [root] = await adminQuery<{ id: string }>(run.environment.databases.identity, "INSERT INTO business_units (organization_id, name) VALUES ($1, 'RB root') RETURNING id", [other.id]);
    await adminQuery(run.environment.databases.identity, "INSERT INTO business_units (organization_id, parent_id, name) VALUES ($1, $2, 'RB child')", [other.id, root.id]);
    const reader = await insertRole(run, 'RB_READER', { readOnly: true, permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }], capabilities: ['export_users'], fieldPermissions: [{ entity: 'User', field: 'phone', action: 'VIEW', level: 'NONE' }] });
    const fixed = await insertRole(run, 'RB_FIXED', { permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'BUSINESS_UNIT' }] });
    const optional = await insertRole(run, 'RB_OPTIONAL', { permissions: [{ entity: 'User', action: 'EDIT', level: 'USER' }] });
    const elsewhere = await insertRole(run, 'RB_ELSEWHERE', { permissions: [{ entity: 'User', action: 'VIEW', level: 'DIVISION' }] });
    await adminQuery(run.environment.databases.identity, 'UPDATE roles SET organization_id = $1 WHERE id = $2', [other.id, elsewhere]);
    const user = await createSuiteUser(run, {
      organizationIds: [run.ids.organizationId, other.id],
      businessUnitIds: [run.ids.businessUnitId, root.id],
      roles: [
        { roleId: reader, fixed: false, default: true },
        { roleId: fixed, fixed: true, default: false },
        { roleId: optional, fixed: false, default: false },
        { roleId: elsewhere, fixed: false, default: true },
      ],
    });
    const logins = [
      { username: user.username.toUpperCase(), password: user.password },
      { username: user.username, password: user.password, roles: ['RB_OPTIONAL'] },
      { username: user.username, password: user.password, organizationId: other.id },
    ];
    const seen: string[][] = [];
    for (const login of logins) {
      const session = await callRpc(run.environment.amqpUrl, 'identity', 'identity.auth.login', login);
      expect(await callRpc(run.environment.amqpUrl, 'identity', 'identity.sessions.get', { sessionId: session.sessionId })).toEqual(session);
      seen.push(session.access.roles.map((r: { name: string }) => r.name));
    }
    expect(seen).toEqual([['RB_FIXED', 'RB_READER'], ['RB_FIXED', 'RB_OPTIONAL'], ['RB_ELSEWHERE', 'RB_FIXED', 'RB_READER']]);
  });
});
