import { adminQuery, callRpc, eventually } from '@app/testing';
import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { report, RunningSuite, startWholeSuite } from './suite-fixture';
import { TicketsSetup, ticketsSetup } from './tickets-fixture';

describe('tickets: mirrored users, profile matching, User Security', () => {
  let run: RunningSuite;
  let setup: TicketsSetup;
  let agentRole: string;
  let commenterRole: string;
  const ticketsDb = () => run.environment.databases.tickets;
  const outboxEvents = (type: string, userId: string) =>
    adminQuery<{ envelope: any }>(ticketsDb(), "SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'userId' = $2 ORDER BY seq", [type, userId]);

  beforeAll(async () => {
    run = await startWholeSuite();
    setup = ticketsSetup(run);
    agentRole = await setup.createRole('Agent', 'ORGANIZATION');
    commenterRole = await setup.createRole('Commenter', 'USER', ['ticket_internal_comments']);
    await setup.createTicketsProfile('Support Agents', [agentRole]);
    await setup.createTicketsProfile('Commenters', [commenterRole]);
    for (const name of ['Support Agents', 'Commenters', 'Nobody', 'Field  Team', 'field team']) await setup.createCrmProfile(name);
    await setup.createTicketsProfile('Field Team', [agentRole]);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('seeds TICKETS_ADMINISTRATOR; the first administrator holds the identity profile of that name and is ACTIVE by the match', async () => {
    const [{ id: adminId, crmProfiles }] = await adminQuery<{ id: string; crmProfiles: string[] }>(
      run.environment.databases.identity,
      "SELECT id, security_profiles AS \"crmProfiles\" FROM users WHERE username = 'admin'",
    );
    expect(crmProfiles).toEqual(['TICKETS_ADMINISTRATOR']);
    await eventually(async () => ((await setup.statusOf(adminId)) === 'ACTIVE' ? true : undefined), 5000);
    expect(await setup.mirrored(adminId)).toMatchObject({ status: 'ACTIVE', roles: ['TICKETS_ADMINISTRATOR'] });
    const roles = await run.admin.get('/api/tickets/roles?q=TICKETS_ADMINISTRATOR');
    const administrator = roles.body.items[0];
    expect(administrator.capabilities).toEqual(['ticket_user_security', 'ticket_internal_comments']);
    expect((await run.admin.post('/api/tickets', { type: 'TASK', subject: 'first ticket' })).status).toBe(201);
    const profiles = await run.admin.get('/api/tickets/security-profiles?limit=100');
    expect(profiles.body.items.find((p: { name: string }) => p.name === 'TICKETS_ADMINISTRATOR').roles).toEqual(['TICKETS_ADMINISTRATOR']);
  });

  it('a matching profile makes the user ACTIVE within a second of creation, able to create a ticket', async () => {
    const started = Date.now();
    const user = await setup.createUser({ securityProfiles: ['Support Agents'] });
    const { elapsedMs } = await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000, 5);
    const total = Date.now() - started;
    report(`tickets: user creation request to tickets ACTIVE by profile match: ${total} ms (after the 201: ${elapsedMs} ms)`);
    expect(total).toBeLessThan(1000);
    expect((await setup.mirrored(user.id)).roles).toEqual(['Agent']);
    const client = await setup.login(user);
    const ticket = await client.post('/api/tickets', { type: 'CUSTOMER_ISSUE', subject: 'Printer on fire' });
    expect(ticket.status).toBe(201);
    expect(ticket.body).toMatchObject({ status: 'NEW', ownerId: user.id, requesterId: user.id, priority: 'NORMAL' });
    const [activated] = await outboxEvents('tickets.user.activated', user.id);
    expect(activated.envelope.data).toEqual({ userId: user.id, roles: ['Agent'] });
  });

  it('no matching profile leaves the user NEW, listed as NEW, and refused with 403', async () => {
    const user = await setup.createUser({ securityProfiles: ['Nobody'] });
    const row = await setup.mirrored(user.id);
    expect(row).toMatchObject({ status: 'NEW', roles: [] });
    const news = await run.admin.get('/api/tickets/user-security?status=NEW&limit=500');
    expect(news.body.items.map((u: { id: string }) => u.id)).toContain(user.id);
    expect(news.body.items.every((u: { status: string; roles: string[] }) => u.status === 'NEW' && u.roles.length === 0)).toBe(true);
    const client = await setup.login(user);
    for (const response of [await client.post('/api/tickets', { type: 'TASK', subject: 'nope' }), await client.get('/api/tickets')]) {
      expect(response.status).toBe(403);
      expect(response.body.code).toBe('TICKETS_ACCESS_NOT_ACTIVE');
    }
  });

  it('several matching profiles give the union of their roles', async () => {
    const user = await setup.createUser({ securityProfiles: ['Support Agents', 'Commenters', 'Nobody'] });
    await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000);
    expect((await setup.mirrored(user.id)).roles).toEqual(['Agent', 'Commenter']);
  });

  it('matching is exact: case and spaces count', async () => {
    const [lower, spaced] = [await setup.createUser({ securityProfiles: ['field team'] }), await setup.createUser({ securityProfiles: ['Field  Team'] })];
    for (const user of [lower, spaced]) expect((await setup.mirrored(user.id)).status).toBe('NEW');
    // Renamed in identity to the exact name, the profile reaches tickets on identity.user.updated and matches.
    const crm = (await run.admin.get('/api/security-profiles?limit=100')).body.items.find((p: { name: string }) => p.name === 'field team');
    expect((await run.admin.patch(`/api/security-profiles/${crm.id}`, { name: 'Field Team' })).status).toBe(200);
    await eventually(async () => ((await setup.statusOf(lower.id)) === 'ACTIVE' ? true : undefined), 5000);
    expect(await setup.statusOf(spaced.id)).toBe('NEW');
  });

  it('new CRM profiles on identity.user.updated are matched for a user still NEW', async () => {
    const user = await setup.createUser({ securityProfiles: [] });
    expect((await setup.mirrored(user.id)).status).toBe('NEW');
    expect((await run.admin.patch(`/api/users/${user.id}`, { securityProfiles: ['Commenters'] })).status).toBe(200);
    await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000);
    expect((await setup.mirrored(user.id)).roles).toEqual(['Commenter']);
  });

  it('manual assignment makes ACTIVE, removing the last role makes NEW again, each announced', async () => {
    const user = await setup.createUser();
    expect((await setup.mirrored(user.id)).status).toBe('NEW');
    const assigned = await setup.assignRoles(user.id, [agentRole, commenterRole]);
    expect(assigned.status).toBe(200);
    expect(assigned.body).toMatchObject({ id: user.id, status: 'ACTIVE', roles: ['Agent', 'Commenter'] });
    const client = await setup.login(user);
    expect((await client.post('/api/tickets', { type: 'TASK', subject: 'by hand' })).status).toBe(201);
    const changed = await setup.assignRoles(user.id, [commenterRole]);
    expect(changed.body).toMatchObject({ status: 'ACTIVE', roles: ['Commenter'] });
    // What is stored, not only what was answered: the role kept stays, the role taken is gone.
    expect(await setup.mirrored(user.id)).toMatchObject({ status: 'ACTIVE', roles: ['Commenter'] });
    expect((await setup.assignRoles(user.id, [agentRole, commenterRole])).body).toMatchObject({ roles: ['Agent', 'Commenter'] });
    expect(await setup.mirrored(user.id)).toMatchObject({ roles: ['Agent', 'Commenter'] });
    const removed = await setup.assignRoles(user.id, []);
    expect(removed.body).toEqual(expect.objectContaining({ id: user.id, status: 'NEW', roles: [] }));
    expect(await setup.mirrored(user.id)).toMatchObject({ status: 'NEW', roles: [] });
    expect((await client.get('/api/tickets')).body.code).toBe('TICKETS_ACCESS_NOT_ACTIVE');
    expect((await outboxEvents('tickets.user.activated', user.id)).length).toBe(1);
    const [deactivated] = await outboxEvents('tickets.user.deactivated', user.id);
    expect(deactivated.envelope.data).toEqual({ userId: user.id, roles: [] });
  });

  it('refuses unknown roles and users and bad bodies, writing nothing', async () => {
    const user = await setup.createUser();
    await setup.mirrored(user.id);
    const unknownRole = await setup.assignRoles(user.id, [agentRole, randomUUID()]);
    expect(unknownRole.status).toBe(400);
    expect(unknownRole.body.details[0].field).toBe('roleIds');
    expect(await setup.statusOf(user.id)).toBe('NEW');
    expect((await setup.assignRoles(randomUUID(), [agentRole])).status).toBe(404);
    expect((await setup.assignRoles(user.id, ['x'] as string[])).status).toBe(400);
    expect((await run.admin.put(`/api/tickets/user-security/${user.id}/roles`, { roles: [] })).status).toBe(400);
    const badRole = await run.admin.post('/api/tickets/roles', { name: 'Bad', permissions: [{ entity: 'User', action: 'VIEW', level: 'GLOBAL' }], capabilities: ['user_management'] });
    expect(badRole.status).toBe(400);
    expect(badRole.body.details.map((d: { field: string }) => d.field)).toEqual(expect.arrayContaining(['permissions.0.entity', 'capabilities.0']));
    const duplicate = await run.admin.post('/api/tickets/security-profiles', { name: 'support agents', roleIds: [] });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0].field).toBe('name');
  });

  it('a disabled user is refused whatever its roles; enabled again, it is let in', async () => {
    const user = await setup.createUser({ securityProfiles: ['Support Agents'] });
    await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000);
    const actor = { userId: user.id, sessionId: randomUUID(), organizationId: run.ids.organizationId };
    const list = () => callRpc(run.environment.amqpUrl, 'tickets', 'tickets.tickets.list', {}, 10_000, actor);
    expect((await list()).total).toEqual(expect.any(Number));
    expect((await run.admin.post(`/api/users/${user.id}/disable`)).status).toBe(200);
    const refused = await eventually(async () => {
      try {
        await list();
        return undefined;
      } catch (error) {
        return error as { statusCode: number; code: string };
      }
    }, 5000);
    expect(refused.value).toMatchObject({ statusCode: 403, code: 'TICKETS_ACCESS_NOT_ACTIVE' });
    expect(await setup.statusOf(user.id)).toBe('ACTIVE');
    expect((await run.admin.post(`/api/users/${user.id}/enable`)).status).toBe(200);
    await eventually(async () => ((await list().catch(() => undefined)) ? true : undefined), 5000);
  });

  it('an identity.user.created delivered twice mirrors and activates once', async () => {
    const id = randomUUID();
    const envelope = {
      id: randomUUID(),
      type: 'identity.user.created',
      version: 1,
      occurredAt: new Date().toISOString(),
      source: 'identity',
      correlationId: null,
      data: {
        id,
        username: `twice.${id.slice(0, 6)}`,
        email: `twice.${id.slice(0, 6)}@example.com`,
        namePrefix: null,
        firstName: 'Twice',
        middleName: null,
        lastName: 'Delivered',
        nameSuffix: null,
        enabled: true,
        organizationIds: [run.ids.organizationId],
        businessUnitIds: [run.ids.businessUnitId],
        ownerBusinessUnitId: run.ids.businessUnitId,
        securityProfiles: ['Support Agents'],
      },
    };
    const connection = await connect(run.environment.amqpUrl);
    const channel = await connection.createConfirmChannel();
    const send = (body: object) => channel.publish('suite.events', 'identity.user.created', Buffer.from(JSON.stringify(body)), { persistent: true, messageId: (body as { id: string }).id });
    send(envelope);
    send(envelope);
    // Another event about the same user (identity never sends one, but a replay could).
    send({ ...envelope, id: randomUUID() });
    await channel.waitForConfirms();
    await connection.close();
    await eventually(async () => {
      const [row] = await adminQuery<{ count: number }>(ticketsDb(), 'SELECT count(*)::int AS count FROM inbox WHERE event_id = ANY($1::uuid[])', [[envelope.id]]);
      return row.count === 1 && (await setup.statusOf(id)) === 'ACTIVE' ? true : undefined;
    }, 5000);
    await new Promise((r) => setTimeout(r, 500));
    const [users] = await adminQuery<{ count: number }>(ticketsDb(), 'SELECT count(*)::int AS count FROM ticket_users WHERE id = $1', [id]);
    expect(users.count).toBe(1);
    expect((await outboxEvents('tickets.user.activated', id)).length).toBe(1);
    const [roles] = await adminQuery<{ count: number }>(ticketsDb(), 'SELECT count(*)::int AS count FROM ticket_user_roles WHERE user_id = $1', [id]);
    expect(roles.count).toBe(1);
  });
});
