import { adminQuery, eventually } from '@app/testing';
import { RunningSuite, startWholeSuite } from './suite-fixture';
import { TicketsSetup, ticketsSetup } from './tickets-fixture';

/** GET /api/tickets/people: whom a ticket may be assigned or given to, for the tickets pages' pickers. */
describe('GET /api/tickets/people', () => {
  let run: RunningSuite;
  let setup: TicketsSetup;
  let roleId: string;

  const active = async (overrides: Record<string, unknown> = {}) => {
    const user = await setup.createUser(overrides);
    await setup.mirrored(user.id);
    expect((await setup.assignRoles(user.id, [roleId])).body.status).toBe('ACTIVE');
    return user;
  };
  const usernames = (body: { items: { username: string }[] }) => body.items.map((p) => p.username);

  beforeAll(async () => {
    run = await startWholeSuite();
    setup = ticketsSetup(run);
    roleId = await setup.createRole('People viewer', 'USER');
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("lists exactly the ACTIVE, enabled tickets users of the caller's organization, by username", async () => {
    const colleague = await active({ firstName: 'Grace', lastName: 'Hopper' });
    const disabled = await active();
    expect((await run.admin.post(`/api/users/${disabled.id}/disable`)).status).toBe(200);
    const newbie = await setup.createUser();
    await setup.mirrored(newbie.id);
    const organization = await run.admin.post('/api/organizations', { name: 'Elsewhere' });
    const stranger = await active({ organizationIds: [organization.body.id], ownerBusinessUnitId: organization.body.rootBusinessUnitId, businessUnitIds: [organization.body.rootBusinessUnitId] });
    await eventually(async () => {
      const [row] = await adminQuery<{ enabled: boolean }>(run.environment.databases.tickets, 'SELECT enabled FROM ticket_users WHERE id = $1', [disabled.id]);
      return row.enabled === false ? true : undefined;
    }, 5000);

    const client = await setup.login(colleague);
    const answer = await client.get('/api/tickets/people?limit=500');
    expect(answer.status).toBe(200);
    const expected = ['admin', colleague.username].sort();
    expect(usernames(answer.body)).toEqual(expected);
    expect(answer.body.total).toBe(2);
    expect(answer.body.items.find((p: { id: string }) => p.id === colleague.id)).toEqual({ id: colleague.id, username: colleague.username, firstName: 'Grace', lastName: 'Hopper' });
    expect(usernames(answer.body)).not.toContain(stranger.username);

    expect(usernames((await client.get('/api/tickets/people?q=hOPP')).body)).toEqual([colleague.username]);
    expect(usernames((await client.get('/api/tickets/people?q=%25')).body)).toEqual([]);
    const paged = await client.get('/api/tickets/people?limit=1&offset=1');
    expect({ items: usernames(paged.body), total: paged.body.total }).toEqual({ items: [expected[1]], total: 2 });
  });

  it('refuses a user who is not ACTIVE in tickets, and bad input with 400 naming the field', async () => {
    const newbie = await setup.createUser();
    await setup.mirrored(newbie.id);
    const refused = await (await setup.login(newbie)).get('/api/tickets/people');
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'TICKETS_ACCESS_NOT_ACTIVE' });

    const tooLong = await run.admin.get(`/api/tickets/people?q=${'x'.repeat(101)}`);
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual([expect.objectContaining({ field: 'q' })]);
    expect((await run.admin.get('/api/tickets/people?limit=0')).status).toBe(400);
    expect((await run.admin.get('/api/tickets/people?extra=1')).status).toBe(400);
  });
});
