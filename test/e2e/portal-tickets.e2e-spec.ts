import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { RunningSuite, startWholeSuite } from './suite-fixture';
import { ticketsSetup } from './tickets-fixture';

describe('portal service tickets: SERVICE_REQUEST tickets of the client account, over tickets\' RPC', () => {
  let run: RunningSuite;
  let customer: GatewayClient;
  let agent: GatewayClient;
  let outsider: GatewayClient;

  beforeAll(async () => {
    run = await startWholeSuite();
    const setup = ticketsSetup(run);
    expect((await run.admin.post('/api/portal/access-profiles', { name: 'Service', description: 'Minimum and service tickets.', features: ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS'] })).status).toBe(201);
    const grant = async (userId: string) => {
      await eventually(async () => ((await adminQuery(run.environment.databases.portal, 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [userId])).length ? true : undefined), 5000);
      expect((await run.admin.put(`/api/portal/users/${userId}/access`, { profile: 'Service' })).status).toBe(200);
    };
    const customerUser = await setup.createUser();
    await setup.mirrored(customerUser.id);
    await grant(customerUser.id);
    customer = await setup.login(customerUser);

    const agentRole = await setup.createRole('Agent', 'ORGANIZATION', ['ticket_internal_comments']);
    const agentUser = await setup.createUser();
    await setup.mirrored(agentUser.id);
    expect((await setup.assignRoles(agentUser.id, [agentRole])).body.status).toBe('ACTIVE');
    agent = await setup.login(agentUser);

    const acme = await run.admin.post('/api/organizations', { name: 'Acme' });
    const unit = acme.body.rootBusinessUnitId;
    await eventually(async () => ((await adminQuery(run.environment.databases.tickets, 'SELECT 1 FROM ticket_business_units WHERE id = $1', [unit])).length ? true : undefined), 5000);
    const outsiderUser = await setup.createUser({ organizationIds: [acme.body.id], ownerBusinessUnitId: unit, businessUnitIds: [unit] });
    await setup.mirrored(outsiderUser.id);
    await grant(outsiderUser.id);
    outsider = await setup.login(outsiderUser);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a request submitted in the portal is a SERVICE_REQUEST ticket; its status change and public comments show in the portal', async () => {
    const created = await customer.post('/api/portal/tickets', { subject: 'Printer on fire', description: 'Third floor.' });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ type: 'SERVICE_REQUEST', status: 'NEW', subject: 'Printer on fire', organizationId: run.ids.organizationId });
    const [row] = await adminQuery<{ type: string }>(run.environment.databases.tickets, 'SELECT type FROM tickets WHERE id = $1', [created.body.id]);
    expect(row.type).toBe('SERVICE_REQUEST');
    expect((await customer.get('/api/portal/tickets')).body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);

    expect((await agent.post(`/api/tickets/${created.body.id}/transitions`, { to: 'OPEN' })).status).toBe(200);
    expect((await agent.post(`/api/tickets/${created.body.id}/comments`, { body: 'On our way.' })).status).toBe(201);
    const seen = await customer.get(`/api/portal/tickets/${created.body.id}`);
    expect(seen.status).toBe(200);
    expect(seen.body.status).toBe('OPEN');
    expect(seen.body.comments.map((c: { body: string }) => c.body)).toEqual(['On our way.']);
    expect((await customer.get('/api/portal/tickets?status=OPEN')).body.items.map((t: { id: string }) => t.id)).toContain(created.body.id);
  });

  it('shows internal comments never, and another organization\'s requests not at all', async () => {
    const created = await customer.post('/api/portal/tickets', { subject: 'VPN down' });
    expect(created.status).toBe(201);
    expect((await agent.post(`/api/tickets/${created.body.id}/comments`, { body: 'internal note', internal: true })).status).toBe(201);
    expect((await agent.post(`/api/tickets/${created.body.id}/comments`, { body: 'public answer' })).status).toBe(201);
    expect((await customer.get(`/api/portal/tickets/${created.body.id}`)).body.comments.map((c: { body: string }) => c.body)).toEqual(['public answer']);

    const foreign = await outsider.get(`/api/portal/tickets/${created.body.id}`);
    expect(foreign.status).toBe(404);
    expect((await outsider.get('/api/portal/tickets')).body.items.map((t: { id: string }) => t.id)).not.toContain(created.body.id);
  });

  it('bad service requests are 400 and write no ticket', async () => {
    const count = async () => (await adminQuery<{ n: number }>(run.environment.databases.tickets, `SELECT count(*)::int AS n FROM tickets WHERE type = 'SERVICE_REQUEST'`))[0].n;
    const before = await count();
    for (const body of [{ subject: '' }, { subject: '   ' }, { subject: 'x'.repeat(10_000) }, { subject: 5 }, { description: 'no subject' }, { subject: 'ok', type: 'TASK' }]) {
      const response = await customer.post('/api/portal/tickets', body);
      expect({ body, status: response.status }).toEqual({ body, status: 400 });
    }
    expect((await customer.get('/api/portal/tickets/not-a-uuid')).status).toBe(400);
    expect(await count()).toBe(before);
  });
});
