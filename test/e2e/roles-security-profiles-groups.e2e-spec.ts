import { adminQuery } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

describe('roles, security profiles and groups', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;
  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
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

      const updated = await run.admin.put(`/api/roles/${id}`, { name: 'Sales Manager', readOnly: true, permissions: [], capabilities: [] });
      expect(updated.status).toBe(200);
      expect(updated.body).toMatchObject({ readOnly: true, permissions: [], fieldPermissions: [] });
      expect(await outboxOf(id)).toHaveLength(2);

      expect((await run.admin.delete(`/api/roles/${id}`)).status).toBe(200);
      expect((await run.admin.get(`/api/roles/${id}`)).status).toBe(404);
      expect(await outboxOf(id)).toHaveLength(3);
    });

    it('GET /api/roles/catalogue offers exactly the levels POST /api/roles accepts, and needs Role VIEW', async () => {
      const catalogue = await run.admin.get('/api/roles/catalogue');
      expect(catalogue.status).toBe(200);
      const organization = catalogue.body.entities.find((e: { name: string }) => e.name === 'Organization');
      expect(organization).toMatchObject({ ownership: 'ORGANIZATION', levels: ['NONE', 'ORGANIZATION', 'GLOBAL'] });
      expect(catalogue.body.capabilities).toContain('role_escalate');
      for (const level of ['NONE', 'USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL']) {
        const answer = await run.admin.post('/api/roles', { name: `Grid ${level}`, permissions: [{ entity: 'Organization', action: 'VIEW', level }], capabilities: [] });
        expect({ level, status: answer.status }).toEqual({ level, status: organization.levels.includes(level) ? 201 : 400 });
      }
      const viewer = (await run.admin.post('/api/roles', { name: 'User viewer', permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }], capabilities: [] })).body;
      const plain = await createUser({ roles: [{ roleId: viewer.id, default: true }] });
      const client = await run.api.login(plain.username, plain.password);
      expect((await client.get('/api/roles/catalogue')).status).toBe(403);
      const tickets = await run.admin.get('/api/tickets/roles/catalogue');
      expect(tickets.status).toBe(200);
      expect(tickets.body.entities.map((e: { name: string }) => e.name)).toContain('Ticket');
      expect((await client.get('/api/tickets/roles/catalogue')).status).toBe(403);
    });

    it('two creates racing with names that differ only in case: one 201, the other 400 naming name', async () => {
      const answers = await Promise.all(['Racer', 'RACER', 'racer'].map((name) => run.admin.post('/api/roles', { name, permissions: [], capabilities: [] })));
      expect(answers.map((a) => a.status).sort()).toEqual([201, 400, 400]);
      for (const refused of answers.filter((a) => a.status === 400)) expect(refused.body.details.map((d: { field: string }) => d.field)).toEqual(['name']);
    });

    it('refuses to delete a role a user holds (409) and reports each invalid grant by its path', async () => {
      const role = (await run.admin.post('/api/roles', { name: 'Held', permissions: [], capabilities: [] })).body;
      await createUser({ roles: [{ roleId: role.id, default: true }] });
      const held = await run.admin.delete(`/api/roles/${role.id}`);
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
      const renamed = await run.admin.patch(`/api/security-profiles/${profile.id}`, { name: 'Road Sales' });
      expect(renamed.body).toMatchObject({ name: 'Road Sales', userCount: 1 });
      expect((await run.admin.get(`/api/users/${user.id}`)).body.securityProfiles).toEqual(['Road Sales']);
      const events = await adminQuery(db(), `SELECT envelope->'data' AS data FROM outbox WHERE type = 'identity.user.updated' AND envelope->'data'->>'id' = $1`, [user.id]);
      expect(events.map((e) => e.data)).toEqual([{ id: user.id, securityProfiles: ['Road Sales'] }]);
      expect((await run.admin.delete(`/api/security-profiles/${profile.id}`)).status).toBe(409);
      await run.admin.patch(`/api/users/${user.id}`, { securityProfiles: [] });
      expect((await run.admin.delete(`/api/security-profiles/${profile.id}`)).status).toBe(200);
    });

    it('keeps groups per organization and puts users in them', async () => {
      const group = (await run.admin.post('/api/groups', { name: 'Marketing', organizationId: run.ids.organizationId })).body;
      const user = await createUser({ groups: [group.id] });
      expect(user.groups).toEqual([{ id: group.id, name: 'Marketing' }]);
      const listed = await run.admin.get(`/api/groups?organizationId=${run.ids.organizationId}`);
      expect(listed.body.items).toEqual([expect.objectContaining({ name: 'Marketing', userCount: 1 })]);
      expect((await run.admin.patch(`/api/groups/${group.id}`, { name: 'Growth' })).body.name).toBe('Growth');
    });
  });
});
