import { adminQuery, ApiResponse, GatewayClient } from '@app/testing';
import { createUser, newUserBody, report, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

/**
 * Issue 9, the attacker's view of writes (DESIGN.md section 3: "Writes are scoped too", "No one
 * grants more than they hold", "Roles per organization"). Two organizations, a unit tree in the
 * first (Main > A1 > A1a, Main > A2), and managers at each level. Every refused write must leave
 * identity's tables exactly as they were.
 */
type Permission = { entity: string; action: string; level: string };

const perms = (entity: string, actions: string[], level: string): Permission[] => actions.map((action) => ({ entity, action, level }));

describe('writes are scoped: no escalation, no tenant escape', () => {
  let run: RunningSuite;
  const org: Record<string, string> = {};
  const unit: Record<string, string> = {};
  const role: Record<string, string> = {};
  const user: Record<string, { id: string; username: string; password: string }> = {};
  const as: Record<string, GatewayClient> = {};
  /** Attempts and 5xx answers per route template, for the closing figures. */
  const tally = new Map<string, { attempts: number; serverErrors: number }>();

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(run.environment.databases.identity, text, params);

  /** Everything a refused write could have touched, as one hash. */
  async function fingerprint(): Promise<string> {
    const [row] = await sql<{ hash: string }>(
      `SELECT md5(string_agg(x, '|' ORDER BY x)) AS hash FROM (
         SELECT 'u' || (u.id, u.username, u.primary_email, u.enabled, u.auth_status, u.password_hash, u.first_name,
                        u.owner_business_unit_id, u.organization_ids, u.business_unit_ids)::text FROM users u
         UNION ALL SELECT 'ur' || t::text FROM user_roles t
         UNION ALL SELECT 'r' || t::text FROM roles t
         UNION ALL SELECT 'b' || t::text FROM business_units t
         UNION ALL SELECT 'o' || t::text FROM organizations t
         UNION ALL SELECT 'g' || t::text FROM groups t
         UNION ALL SELECT 'sp' || t::text FROM security_profiles t
         UNION ALL SELECT 'k' || t::text FROM api_keys t
         UNION ALL SELECT 't' || t::text FROM password_reset_tokens t
         UNION ALL SELECT 'c' || t::text FROM user_configurations t
         UNION ALL SELECT 'oc' || t::text FROM organization_configurations t
         UNION ALL SELECT 'rc' || t::text FROM role_configurations t) s(x)`,
    );
    return row.hash;
  }

  async function attempt(client: GatewayClient, route: string, method: string, path: string, body?: unknown): Promise<ApiResponse> {
    const response = await client.request(method, path, body);
    const entry = tally.get(route) ?? { attempts: 0, serverErrors: 0 };
    entry.attempts += 1;
    if (response.status >= 500) entry.serverErrors += 1;
    tally.set(route, entry);
    return response;
  }

  /** The write is refused (403, or 404 where the record is not even visible) and nothing changed. */
  async function expectRefused(actor: string, route: string, method: string, path: string, body?: unknown, statuses = [403, 404]) {
    const before = await fingerprint();
    const response = await attempt(as[actor], route, method, path, body);
    if (!statuses.includes(response.status)) {
      throw new Error(`${actor} ${method} ${path}: expected ${statuses.join(' or ')}, got ${response.status} ${JSON.stringify(response.body)}`);
    }
    expect(response.body).toMatchObject({ statusCode: response.status, error: expect.any(String), message: expect.any(String) });
    expect(await fingerprint()).toBe(before);
    return response;
  }

  async function post(client: GatewayClient, path: string, body: unknown) {
    const response = await client.post(path, body);
    if (response.status >= 300) throw new Error(`${path}: ${response.status} ${JSON.stringify(response.body)}`);
    return response.body;
  }

  async function addUnit(name: string, organization: string, parent: string) {
    unit[name] = (await post(run.admin, '/api/business-units', { name, organizationId: org[organization], parentId: unit[parent] })).id;
  }

  async function addRole(name: string, permissions: Permission[], capabilities: string[] = [], extra: Record<string, unknown> = {}) {
    role[name] = (await post(run.admin, '/api/roles', { name, permissions, capabilities, ...extra })).id;
  }

  async function addUser(name: string, owner: string, organization: string, roles: string[], units: string[] = [owner]) {
    const created = await createUser(run, {
      username: name,
      primaryEmail: `${name}@example.com`,
      ownerBusinessUnitId: unit[owner],
      organizationIds: [org[organization]],
      businessUnitIds: units.map((u) => unit[u]),
      roles: roles.map((r) => ({ roleId: role[r], fixed: true, default: true })),
    });
    user[name] = created;
    as[name] = await run.api.login(created.username, created.password);
  }

  /** A `POST /api/users` body for a user placed at `owner` in `organization`, holding `roles` as fixed roles. */
  const newUser = (tag: string, owner: string, organization: string, roles: string[], overrides: Record<string, unknown> = {}) =>
    newUserBody(run.ids, {
      username: `new.${tag}`,
      primaryEmail: `new.${tag}@example.com`,
      ownerBusinessUnitId: unit[owner],
      organizationIds: [org[organization]],
      businessUnitIds: [unit[owner]],
      roles: roles.map((r) => ({ roleId: role[r], fixed: true })),
      ...overrides,
    });

  beforeAll(async () => {
    run = await startWholeSuite();
    org.Main = run.ids.organizationId;
    unit.Main = run.ids.businessUnitId;
    role.ADMINISTRATOR = run.ids.administratorRoleId;
    org.Other = (await post(run.admin, '/api/organizations', { name: 'Other' })).id;
    const [otherRoot] = await sql<{ id: string }>('SELECT id FROM business_units WHERE organization_id = $1 AND parent_id IS NULL', [org.Other]);
    unit.Other = otherRoot.id;
    await addUnit('A1', 'Main', 'Main');
    await addUnit('A2', 'Main', 'Main');
    await addUnit('A1a', 'Main', 'A1');

    const userAndUnits = (level: string, userActions = ['VIEW', 'CREATE', 'EDIT']) => [
      ...perms('User', userActions, level),
      ...perms('BusinessUnit', ['VIEW', 'CREATE', 'EDIT'], level),
    ];
    await addRole('UnitEditor', userAndUnits('BUSINESS_UNIT'));
    await addRole('DivisionEditor', userAndUnits('DIVISION'));
    await addRole('DivisionAssigner', userAndUnits('DIVISION', ['VIEW', 'CREATE', 'EDIT', 'ASSIGN']));
    await addRole('OrgManager', [...userAndUnits('ORGANIZATION', ['VIEW', 'CREATE', 'EDIT', 'ASSIGN']), ...perms('Role', ['VIEW'], 'ORGANIZATION')], ['user_management']);
    await addRole('RoleAdmin', [...perms('User', ['VIEW', 'CREATE', 'EDIT'], 'ORGANIZATION'), ...perms('Role', ['VIEW', 'CREATE', 'EDIT', 'DELETE'], 'ORGANIZATION')]);
    // Everything an organization can hold, at ORGANIZATION where the ownership allows it; no role_escalate.
    const everything: Permission[] = [];
    for (const [entity, actions] of Object.entries({
      User: ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE'],
      Organization: ['VIEW', 'CREATE', 'EDIT', 'DELETE'],
      BusinessUnit: ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN'],
      Role: ['VIEW', 'CREATE', 'EDIT', 'DELETE'],
      Group: ['VIEW', 'CREATE', 'EDIT', 'DELETE'],
    })) {
      everything.push(...perms(entity, actions, 'ORGANIZATION'));
    }
    await addRole('TenantManager', everything, ['user_management', 'export_users']);

    // Security profiles decide tickets' roles by name (the profile match): giving one administers tickets.
    // (First start may have created it already: then this is a 400 for the taken name.)
    await run.admin.post('/api/security-profiles', { name: 'TICKETS_ADMINISTRATOR' });
    await addUser('editor.a1', 'A1', 'Main', ['UnitEditor']);
    await addUser('peer.a1', 'A1', 'Main', ['UnitEditor']);
    await addUser('user.a2', 'A2', 'Main', ['UnitEditor']);
    await addUser('user.a1a', 'A1a', 'Main', ['UnitEditor']);
    await addUser('division.editor', 'A1', 'Main', ['DivisionEditor']);
    await addUser('division.assigner', 'A1', 'Main', ['DivisionAssigner']);
    await addUser('org.manager', 'Main', 'Main', ['OrgManager']);
    await addUser('role.admin', 'Main', 'Main', ['RoleAdmin']);
    await addUser('victim.admin', 'Main', 'Main', ['ADMINISTRATOR']);
    await addUser('tenant.manager', 'Other', 'Other', ['TenantManager']);
    await addUser('user.other', 'Other', 'Other', ['UnitEditor']);
  });

  afterAll(async () => {
    for (const [route, { attempts, serverErrors }] of [...tally].sort()) report(`write-scope ${route} attempts=${attempts} 5xx=${serverErrors}`);
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  afterEach(() => {
    for (const [route, { serverErrors }] of tally) expect({ route, serverErrors }).toEqual({ route, serverErrors: 0 });
  });

  describe('creating users', () => {
    const route = 'POST /api/users';

    it('a unit editor cannot create an ADMINISTRATOR in another organization, nor log in as one', async () => {
      await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x1', 'Other', 'Other', ['ADMINISTRATOR']));
      const login = await run.api.post('/api/auth/login', { username: 'new.x1', password: 'Str0ng-Password' });
      expect(login.status).toBe(401);
    });

    it('a unit editor cannot create a user of its own level in another organization', async () => {
      const refused = await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x2', 'Other', 'Other', ['UnitEditor']));
      expect(refused.body.code).toBe('ACCESS_DENIED');
      expect(refused.body.message).toMatch(/ownerBusinessUnitId|organizationIds/);
    });

    it('a unit editor cannot give ADMINISTRATOR inside its own unit: 403 naming what it lacks', async () => {
      const refused = await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x3', 'A1', 'Main', ['ADMINISTRATOR']));
      expect(refused.body.code).toBe('ESCALATION_DENIED');
      expect(refused.body.message).toContain('role_escalate');
    });

    it('one level too low: a unit editor cannot place a user in a sibling or a child unit', async () => {
      await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x4', 'A2', 'Main', ['UnitEditor']));
      await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x5', 'A1a', 'Main', ['UnitEditor']));
      await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x6', 'A1', 'Main', ['UnitEditor'], { businessUnitIds: [unit.A1, unit.A2] }));
    });

    it('a user of its own unit with two organizations is refused: the second lies outside', async () => {
      await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x7', 'A1', 'Main', ['UnitEditor'], { organizationIds: [org.Main, org.Other] }));
    });

    it('inside its scope and holding only its own grants, the unit editor creates the user', async () => {
      const created = await attempt(as['editor.a1'], route, 'POST', '/api/users', newUser('ok1', 'A1', 'Main', ['UnitEditor']));
      expect(created.status).toBe(201);
      const division = await attempt(as['division.editor'], route, 'POST', '/api/users', newUser('ok2', 'A1a', 'Main', ['UnitEditor']));
      expect(division.status).toBe(201);
    });

    it('without ticket_user_security nobody gives a security profile (it would make a tickets administrator)', async () => {
      const refused = await expectRefused('editor.a1', route, 'POST', '/api/users', newUser('x9', 'A1', 'Main', ['UnitEditor'], { securityProfiles: ['TICKETS_ADMINISTRATOR'] }));
      expect(refused.body.details.missing).toEqual({ capability: 'ticket_user_security' });
    });

    it('an organization manager of another organization creates nothing in Main', async () => {
      await expectRefused('tenant.manager', route, 'POST', '/api/users', newUser('x8', 'A1', 'Main', ['UnitEditor']));
    });
  });

  describe('editing users', () => {
    const route = 'PATCH /api/users/:id';
    const patch = (actor: string, target: string, body: Record<string, unknown>) => expectRefused(actor, route, 'PATCH', `/api/users/${user[target].id}`, body);

    it('nobody gives themself ADMINISTRATOR, and the next login is not ADMINISTRATOR', async () => {
      const refused = await patch('editor.a1', 'editor.a1', { roles: [{ roleId: role.ADMINISTRATOR, fixed: true }] });
      expect(refused.body.code).toBe('ESCALATION_DENIED');
      await patch('org.manager', 'org.manager', { roles: [{ roleId: role.OrgManager, fixed: true }, { roleId: role.ADMINISTRATOR, fixed: true }] });
      const again = await run.api.post('/api/auth/login', { username: 'editor.a1', password: user['editor.a1'].password });
      expect(again.body.activeRoles).toEqual(['UnitEditor']);
    });

    it('nobody gives ADMINISTRATOR (or a stronger role) to a colleague in their unit', async () => {
      await patch('editor.a1', 'peer.a1', { roles: [{ roleId: role.ADMINISTRATOR, fixed: true }] });
      await patch('editor.a1', 'peer.a1', { roles: [{ roleId: role.DivisionEditor, fixed: true }] });
    });

    it('an organization manager adds nobody, themself included, to another organization', async () => {
      await patch('org.manager', 'org.manager', { organizationIds: [org.Main, org.Other], businessUnitIds: [unit.Main, unit.Other] });
      await patch('org.manager', 'peer.a1', { organizationIds: [org.Main, org.Other] });
      const login = await run.api.post('/api/auth/login', { username: 'org.manager', password: user['org.manager'].password, organizationId: org.Other });
      expect(login.status).toBe(400);
    });

    it('a unit editor does not widen its own scope with more units', async () => {
      await patch('editor.a1', 'editor.a1', { businessUnitIds: [unit.A1, unit.A2] });
      await patch('editor.a1', 'editor.a1', { businessUnitIds: [unit.A1, unit.A1a] });
    });

    it('moving a user to another owner unit needs ASSIGN reaching both units', async () => {
      await patch('division.editor', 'peer.a1', { ownerBusinessUnitId: unit.A1a, businessUnitIds: [unit.A1, unit.A1a] });
      const moved = await attempt(as['division.assigner'], route, 'PATCH', `/api/users/${user['peer.a1'].id}`, { ownerBusinessUnitId: unit.A1a, businessUnitIds: [unit.A1, unit.A1a] });
      expect(moved.status).toBe(200);
      // ... but not out of the assigner's division.
      await patch('division.assigner', 'peer.a1', { ownerBusinessUnitId: unit.A2, businessUnitIds: [unit.A2] });
    });

    it('one level too low and one organization away: no edit of a user out of reach', async () => {
      await patch('editor.a1', 'user.a1a', { firstName: 'Changed' });
      await patch('editor.a1', 'user.a2', { firstName: 'Changed' });
      await patch('tenant.manager', 'peer.a1', { firstName: 'Changed' });
    });

    it('without ticket_user_security nobody changes security profiles, their own included', async () => {
      await patch('editor.a1', 'editor.a1', { securityProfiles: ['TICKETS_ADMINISTRATOR'] });
      await patch('org.manager', 'peer.a1', { securityProfiles: ['TICKETS_ADMINISTRATOR'] });
    });

    it("another organization's groups are out of reach, even for a member of both organizations", async () => {
      const group = await post(run.admin, '/api/groups', { name: 'Other group', organizationId: org.Other });
      const shared = await createUser(run, {
        ownerBusinessUnitId: unit.Main,
        organizationIds: [org.Main, org.Other],
        businessUnitIds: [unit.Main, unit.Other],
        roles: [{ roleId: role.UnitEditor, fixed: true }],
      });
      await expectRefused('org.manager', route, 'PATCH', `/api/users/${shared.id}`, { groups: [group.id] });
    });

    it('nobody edits a user who holds grants they lack', async () => {
      const refused = await patch('org.manager', 'victim.admin', { primaryEmail: 'taken.over@example.com' });
      expect(refused.body.code).toBe('TARGET_OUTRANKS');
    });

    it('within reach the edit goes through (control)', async () => {
      const edited = await attempt(as['editor.a1'], route, 'PATCH', `/api/users/${user['editor.a1'].id}`, { firstName: 'Edited' });
      expect(edited.status).toBe(200);
    });
  });

  describe("acting on another user's account", () => {
    const actions: [string, string, (id: string) => string, unknown][] = [
      ['POST /api/users/:id/api-key', 'POST', (id) => `/api/users/${id}/api-key`, {}],
      ['POST /api/users/:id/password', 'POST', (id) => `/api/users/${id}/password`, { password: 'An0ther-Passw0rd', passwordConfirm: 'An0ther-Passw0rd' }],
      ['POST /api/users/:id/password-reset', 'POST', (id) => `/api/users/${id}/password-reset`, undefined],
      // Changes nothing, but proposes a password for that account: checked like setting one.
      ['GET /api/users/:id/password-suggestion', 'GET', (id) => `/api/users/${id}/password-suggestion`, undefined],
      ['POST /api/users/:id/disable', 'POST', (id) => `/api/users/${id}/disable`, undefined],
      ['POST /api/users/:id/enable', 'POST', (id) => `/api/users/${id}/enable`, undefined],
      ['POST /api/users/:id/activate', 'POST', (id) => `/api/users/${id}/activate`, undefined],
    ];

    it.each(actions)('%s: refused on an ADMINISTRATOR for a manager without it, out of reach, and one organization away', async (route, method, path, body) => {
      const outranked = await expectRefused('org.manager', route, method, path(user['victim.admin'].id), body);
      expect(outranked.body.code).toBe('TARGET_OUTRANKS');
      await expectRefused('editor.a1', route, method, path(user['user.a1a'].id), body);
      await expectRefused('tenant.manager', route, method, path(user['peer.a1'].id), body);
    });

    it('the mass reset is all or nothing: one outranking user refuses the whole batch', async () => {
      await expectRefused('org.manager', 'POST /api/users/password-reset', 'POST', '/api/users/password-reset', {
        userIds: [user['user.a2'].id, user['victim.admin'].id],
      });
    });

    it('an API key for another organization of a shared user is refused; for the own organization it works (control)', async () => {
      const shared = await createUser(run, {
        ownerBusinessUnitId: unit.Main,
        organizationIds: [org.Main, org.Other],
        businessUnitIds: [unit.Main, unit.Other],
        roles: [{ roleId: role.UnitEditor, fixed: true }],
      });
      await expectRefused('org.manager', 'POST /api/users/:id/api-key', 'POST', `/api/users/${shared.id}/api-key`, { organizationId: org.Other });
      const own = await attempt(as['org.manager'], 'POST /api/users/:id/api-key', 'POST', `/api/users/${shared.id}/api-key`, { organizationId: org.Main });
      expect(own.status).toBe(201);
    });

    it('writes signed with an API key are judged by the same rules as with a session', async () => {
      const issued = await as['editor.a1'].post(`/api/users/${user['editor.a1'].id}/api-key`, {});
      expect(issued.status).toBe(201);
      const withKey = new GatewayClient(run.api.baseUrl);
      const key = { 'x-api-key': issued.body.apiKey as string };
      const before = await fingerprint();
      const escalation = await withKey.patch(`/api/users/${user['editor.a1'].id}`, { roles: [{ roleId: role.ADMINISTRATOR, fixed: true }] }, key);
      expect({ status: escalation.status, code: escalation.body.code }).toEqual({ status: 403, code: 'ESCALATION_DENIED' });
      const tenantEscape = await withKey.post('/api/users', newUser('key1', 'Other', 'Other', ['UnitEditor']), key);
      expect(tenantEscape.status).toBe(403);
      expect(await fingerprint()).toBe(before);
      const inReach = await withKey.post('/api/users', newUser('key2', 'A1', 'Main', ['UnitEditor']), key);
      expect(inReach.status).toBe(201);
    });

    it('a manager covering the target sets its password (control)', async () => {
      const set = await attempt(as['org.manager'], 'POST /api/users/:id/password', 'POST', `/api/users/${user['user.a2'].id}/password`, {
        password: 'An0ther-Passw0rd',
        passwordConfirm: 'An0ther-Passw0rd',
      });
      expect(set.status).toBe(200);
    });
  });

  describe('roles per organization and role escalation', () => {
    const permissionsOf = (entity: string, actions: string[], level: string) => ({ permissions: perms(entity, actions, level), capabilities: [] });

    it('an organization role administrator creates roles of its organization only', async () => {
      const created = await attempt(as['role.admin'], 'POST /api/roles', 'POST', '/api/roles', { name: 'Main viewers', ...permissionsOf('User', ['VIEW'], 'ORGANIZATION') });
      expect(created.status).toBe(201);
      expect(created.body.organizationId).toBe(org.Main);
      role['Main viewers'] = created.body.id;
      await expectRefused('role.admin', 'POST /api/roles', 'POST', '/api/roles', { name: 'Global one', organizationId: null, ...permissionsOf('User', ['VIEW'], 'ORGANIZATION') });
      await expectRefused('role.admin', 'POST /api/roles', 'POST', '/api/roles', { name: 'Other one', organizationId: org.Other, ...permissionsOf('User', ['VIEW'], 'ORGANIZATION') });
    });

    it('a role granting more than its creator holds is refused: a level, a capability, a field', async () => {
      const tooHigh = await expectRefused('role.admin', 'POST /api/roles', 'POST', '/api/roles', { name: 'Too high', ...permissionsOf('User', ['VIEW'], 'GLOBAL') });
      expect(tooHigh.body.code).toBe('ESCALATION_DENIED');
      await expectRefused('role.admin', 'POST /api/roles', 'POST', '/api/roles', { name: 'Capable', permissions: [], capabilities: ['export_users'] });
      await expectRefused('role.admin', 'POST /api/roles', 'POST', '/api/roles', { name: 'Deleter', ...permissionsOf('User', ['DELETE'], 'ORGANIZATION') });
    });

    it('nobody edits their own role upwards, nor a system-wide role, nor weakens ADMINISTRATOR', async () => {
      await expectRefused('role.admin', 'PUT /api/roles/:id', 'PUT', `/api/roles/${role['Main viewers']}`, { name: 'Main viewers', ...permissionsOf('User', ['VIEW', 'DELETE'], 'ORGANIZATION') });
      await expectRefused('role.admin', 'PUT /api/roles/:id', 'PUT', `/api/roles/${role.RoleAdmin}`, { name: 'RoleAdmin', ...permissionsOf('Role', ['VIEW', 'CREATE', 'EDIT', 'DELETE'], 'GLOBAL') });
      await expectRefused('role.admin', 'PUT /api/roles/:id', 'PUT', `/api/roles/${role.ADMINISTRATOR}`, { name: 'ADMINISTRATOR', permissions: [], capabilities: [] });
      await expectRefused('role.admin', 'DELETE /api/roles/:id', 'DELETE', `/api/roles/${role.UnitEditor}`);
    });

    it("another organization's roles are neither listed, nor shown, nor given", async () => {
      const theirs = await attempt(as['tenant.manager'], 'POST /api/roles', 'POST', '/api/roles', { name: 'Other viewers', ...permissionsOf('User', ['VIEW'], 'ORGANIZATION') });
      expect(theirs.status).toBe(201);
      expect(theirs.body.organizationId).toBe(org.Other);
      const listed = await as['role.admin'].get('/api/roles?limit=500');
      const names = listed.body.items.map((r: { name: string }) => r.name);
      expect(names).toEqual(expect.arrayContaining(['Main viewers', 'UnitEditor', 'ADMINISTRATOR']));
      expect(names).not.toContain('Other viewers');
      expect((await as['role.admin'].get(`/api/roles/${theirs.body.id}`)).status).toBe(404);
      await expectRefused('role.admin', 'PUT /api/roles/:id', 'PUT', `/api/roles/${theirs.body.id}`, { name: 'Other viewers', permissions: [], capabilities: [] });
      await expectRefused('role.admin', 'DELETE /api/roles/:id', 'DELETE', `/api/roles/${theirs.body.id}`);
      // Given to a member of Main only, a role of Other is bad input even for the administrator.
      const given = await run.admin.patch(`/api/users/${user['peer.a1'].id}`, { roles: [{ roleId: theirs.body.id, fixed: true }] });
      expect(given.status).toBe(400);
      expect(given.body.details.map((d: { field: string }) => d.field)).toContain('roles.0.roleId');
    });

    it('a role of one organization counts only when logged in there', async () => {
      const both = await createUser(run, {
        ownerBusinessUnitId: unit.Main,
        organizationIds: [org.Main, org.Other],
        businessUnitIds: [unit.Main, unit.Other],
        roles: [{ roleId: role.UnitEditor, fixed: true }, { roleId: role['Main viewers'], fixed: true }],
      });
      const inMain = await run.api.post('/api/auth/login', { username: both.username, password: both.password, organizationId: org.Main });
      const inOther = await run.api.post('/api/auth/login', { username: both.username, password: both.password, organizationId: org.Other });
      expect(inMain.body.activeRoles.sort()).toEqual(['Main viewers', 'UnitEditor']);
      expect(inOther.body.activeRoles).toEqual(['UnitEditor']);
    });
  });

  describe('every write route from one organization away', () => {
    // The tenant manager holds everything at ORGANIZATION level in Other: nothing of Main is in reach.
    const routes: [string, string, () => string, () => unknown, number[]?][] = [
      ['POST /api/users', 'POST', () => '/api/users', () => newUser('far1', 'Main', 'Main', ['UnitEditor'])],
      ['PATCH /api/users/:id', 'PATCH', () => `/api/users/${user['peer.a1'].id}`, () => ({ lastName: 'Far' })],
      ['POST /api/users/:id/enable', 'POST', () => `/api/users/${user['peer.a1'].id}/enable`, () => undefined],
      ['POST /api/users/:id/disable', 'POST', () => `/api/users/${user['peer.a1'].id}/disable`, () => undefined],
      ['POST /api/users/:id/activate', 'POST', () => `/api/users/${user['peer.a1'].id}/activate`, () => undefined],
      ['POST /api/users/:id/password', 'POST', () => `/api/users/${user['peer.a1'].id}/password`, () => ({ password: 'Far-Passw0rd1', passwordConfirm: 'Far-Passw0rd1' })],
      ['POST /api/users/:id/password-reset', 'POST', () => `/api/users/${user['peer.a1'].id}/password-reset`, () => undefined],
      // Out of scope is answered as unknown (400 naming userIds), so the batch reveals nothing.
      ['POST /api/users/password-reset', 'POST', () => '/api/users/password-reset', () => ({ userIds: [user['peer.a1'].id] }), [400, 403, 404]],
      ['POST /api/users/:id/api-key', 'POST', () => `/api/users/${user['peer.a1'].id}/api-key`, () => ({})],
      ['PUT /api/users/:id/configuration', 'PUT', () => `/api/users/${user['peer.a1'].id}/configuration?organizationId=${org.Main}`, () => ({ locale: 'de-DE' })],
      ['POST /api/business-units', 'POST', () => '/api/business-units', () => ({ name: 'Far unit', organizationId: org.Main, parentId: unit.Main })],
      ['PATCH /api/business-units/:id', 'PATCH', () => `/api/business-units/${unit.A1}`, () => ({ name: 'Far' })],
      ['POST /api/business-units/:id/move', 'POST', () => `/api/business-units/${unit.A1a}/move`, () => ({ parentId: unit.A2 })],
      ['POST /api/organizations', 'POST', () => '/api/organizations', () => ({ name: 'Far organization' })],
      ['PATCH /api/organizations/:id', 'PATCH', () => `/api/organizations/${org.Main}`, () => ({ name: 'Far' })],
      ['POST /api/groups', 'POST', () => '/api/groups', () => ({ name: 'Far group', organizationId: org.Main })],
      ['POST /api/security-profiles', 'POST', () => '/api/security-profiles', () => ({ name: 'Far profile' })],
      ['POST /api/roles', 'POST', () => '/api/roles', () => ({ name: 'Far role', organizationId: org.Main, permissions: [], capabilities: [] })],
      ['PUT /api/roles/:id', 'PUT', () => `/api/roles/${role.UnitEditor}`, () => ({ name: 'UnitEditor', permissions: [], capabilities: [] })],
      ['DELETE /api/roles/:id', 'DELETE', () => `/api/roles/${role.DivisionEditor}`, () => undefined],
      ['PUT /api/organizations/:id/configuration', 'PUT', () => `/api/organizations/${org.Main}/configuration`, () => ({ locale: 'de-DE' })],
      ['PUT /api/roles/:id/configuration', 'PUT', () => `/api/roles/${role.UnitEditor}/configuration`, () => ({ locale: 'de-DE' })],
      ['PUT /api/roles/:id/configuration', 'PUT', () => `/api/roles/${role['Main viewers']}/configuration`, () => ({ locale: 'de-DE' })],
      ['DELETE /api/roles/:id/configuration', 'DELETE', () => `/api/roles/${role.DivisionEditor}/configuration`, () => undefined],
    ];

    // Every row as long as the test's parameters: jest takes a parameter beyond the row for a done callback.
    const rows = routes.map(([route, method, path, body, statuses]) => [route, method, path, body, statuses ?? [403, 404]] as const);
    it.each(rows)('%s is refused and writes nothing', async (route, method, path, body, statuses) => {
      await expectRefused('tenant.manager', route, method, path(), body(), statuses);
    });

    it('one level too low on business units: a unit-level manager reaches no child or sibling unit', async () => {
      await expectRefused('editor.a1', 'PATCH /api/business-units/:id', 'PATCH', `/api/business-units/${unit.A1a}`, { name: 'Low' });
      await expectRefused('editor.a1', 'POST /api/business-units', 'POST', '/api/business-units', { name: 'Low unit', organizationId: org.Main, parentId: unit.A1a });
      await expectRefused('editor.a1', 'POST /api/business-units/:id/move', 'POST', `/api/business-units/${unit.A1}/move`, { parentId: unit.A2 });
      await expectRefused('tenant.manager', 'POST /api/organizations', 'POST', '/api/organizations', { name: 'Needs GLOBAL' });
    });
  });
});
