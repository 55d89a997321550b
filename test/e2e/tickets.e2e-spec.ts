import { adminQuery, callRpc, eventually, GatewayClient } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { RunningSuite, startWholeSuite } from './suite-fixture';
import { TicketsSetup, ticketsSetup } from './tickets-fixture';

type User = { id: string; username: string; password: string };

const STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'];
const ALLOWED = new Set(['NEW>OPEN', 'OPEN>IN_PROGRESS', 'IN_PROGRESS>WAITING', 'IN_PROGRESS>RESOLVED', 'WAITING>RESOLVED', 'WAITING>IN_PROGRESS', 'RESOLVED>CLOSED', 'RESOLVED>OPEN']);
/** Allowed steps from NEW to each status. */
const PATH_TO: Record<string, string[]> = {
  NEW: [],
  OPEN: ['OPEN'],
  IN_PROGRESS: ['OPEN', 'IN_PROGRESS'],
  WAITING: ['OPEN', 'IN_PROGRESS', 'WAITING'],
  RESOLVED: ['OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED'],
  CLOSED: ['OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'],
};

describe('tickets through the gateway: scopes, transitions, history, filters, comments', () => {
  let run: RunningSuite;
  let setup: TicketsSetup;
  const units: Record<string, string> = {};
  const users: Record<string, User> = {};
  const clients: Record<string, GatewayClient> = {};
  let acme: { organizationId: string; unitId: string };
  const ticketCount = async () => (await adminQuery<{ count: number }>(run.environment.databases.tickets, 'SELECT count(*)::int AS count FROM tickets'))[0].count;

  const unit = async (name: string, parentId: string) => {
    const response = await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const person = async (key: string, unitId: string, roleIds: string[], organization = { organizationId: run.ids.organizationId }) => {
    const user = await setup.createUser({ ownerBusinessUnitId: unitId, businessUnitIds: [unitId], organizationIds: [organization.organizationId] });
    await setup.mirrored(user.id);
    if (roleIds.length) expect((await setup.assignRoles(user.id, roleIds)).body.status).toBe('ACTIVE');
    users[key] = user;
    clients[key] = await setup.login(user);
  };
  const create = async (key: string, body: Record<string, unknown>) => {
    const response = await clients[key].post('/api/tickets', body);
    expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
    return response.body;
  };
  const move = (key: string, id: string, to: string) => clients[key].post(`/api/tickets/${id}/transitions`, { to });

  beforeAll(async () => {
    run = await startWholeSuite();
    setup = ticketsSetup(run);
    units.sales = await unit('Sales', run.ids.businessUnitId);
    units.emea = await unit('EMEA', units.sales);
    units.support = await unit('Support', run.ids.businessUnitId);
    const organization = await run.admin.post('/api/organizations', { name: 'Acme' });
    acme = { organizationId: organization.body.id, unitId: organization.body.rootBusinessUnitId };
    // Tickets learns the tree from identity.business-unit.changed.
    await eventually(async () => {
      const [row] = await adminQuery<{ count: number }>(run.environment.databases.tickets, 'SELECT count(*)::int AS count FROM ticket_business_units');
      return row.count === 5 ? true : undefined;
    }, 5000);
    const role = (name: string, level: string, capabilities: string[] = []) => setup.createRole(name, level, capabilities);
    const [userLevel, unitLevel, divisionLevel, orgLevel] = [await role('Own', 'USER'), await role('Unit', 'BUSINESS_UNIT'), await role('Division', 'DIVISION'), await role('Org', 'ORGANIZATION', ['ticket_internal_comments'])];
    await person('own', units.sales, [userLevel]);
    await person('unit', units.sales, [unitLevel]);
    await person('emea', units.emea, [userLevel]);
    await person('division', units.sales, [divisionLevel]);
    await person('org', units.support, [orgLevel]);
    await person('acme', acme.unitId, [orgLevel], acme);
    await person('newbie', units.support, []);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  describe('ACL scopes on lists, counts and single tickets', () => {
    const tag = `scope${Date.now()}`;
    const tickets: Record<string, string> = {};

    beforeAll(async () => {
      for (const [key, count] of [['own', 1], ['unit', 2], ['emea', 1], ['org', 1], ['acme', 1]] as const) {
        for (let i = 0; i < count; i++) tickets[`${key}${i}`] = (await create(key, { type: 'TASK', subject: `${tag} ${key} ${i}` })).id;
      }
    });

    const expected: Record<string, string[]> = {
      own: ['own0'],
      unit: ['own0', 'unit0', 'unit1'],
      emea: ['emea0'],
      division: ['own0', 'unit0', 'unit1', 'emea0'],
      org: ['own0', 'unit0', 'unit1', 'emea0', 'org0'],
      acme: ['acme0'],
    };

    it('each level sees and counts exactly its tickets, with paging not changing the total', async () => {
      for (const [key, names] of Object.entries(expected)) {
        const list = await clients[key].get(`/api/tickets?q=${tag}&limit=100`);
        expect({ key, ids: list.body.items.map((t: { id: string }) => t.id).sort(), total: list.body.total }).toEqual({ key, ids: names.map((n) => tickets[n]).sort(), total: names.length });
        const page = await clients[key].get(`/api/tickets?q=${tag}&limit=1&offset=0`);
        expect(page.body).toMatchObject({ total: names.length });
        expect(page.body.items).toHaveLength(1);
      }
    });

    it('a ticket out of scope is 404 to view, edit, move, comment and read the history of, and nothing is written', async () => {
      const foreign = tickets.unit0;
      const before = await adminQuery(run.environment.databases.tickets, 'SELECT (SELECT count(*) FROM ticket_comments) AS c, (SELECT count(*) FROM ticket_history) AS h');
      for (const response of [
        await clients.own.get(`/api/tickets/${foreign}`),
        await clients.own.patch(`/api/tickets/${foreign}`, { subject: 'mine now' }),
        await move('own', foreign, 'OPEN'),
        await clients.own.post(`/api/tickets/${foreign}/comments`, { body: 'hello' }),
        await clients.own.get(`/api/tickets/${foreign}/comments`),
        await clients.own.get(`/api/tickets/${foreign}/history`),
        await clients.acme.get(`/api/tickets/${tickets.org0}`),
        await clients.emea.get(`/api/tickets/${tickets.own0}`),
      ]) {
        expect(response.status).toBe(404);
        expect(response.body.message).toContain('ticket');
      }
      expect(await adminQuery(run.environment.databases.tickets, 'SELECT (SELECT count(*) FROM ticket_comments) AS c, (SELECT count(*) FROM ticket_history) AS h')).toEqual(before);
      expect((await clients.division.get(`/api/tickets/${tickets.emea0}`)).status).toBe(200);
      expect((await clients.org.get(`/api/tickets/${tickets.emea0}`)).body.businessUnitId).toBe(units.emea);
    });

    it('reads by id that arrive together share a message and a statement, and each caller gets what its own scope shows', async () => {
      // The gateway sends the requests of one turn of its event loop to tickets in one message (libs/bus
      // rpc-batch.ts); tickets reads the ticket and the caller in one statement, and the reads of one
      // turn in one statement for all their callers (apps/tickets/src/access/caller-read-batches.ts).
      const histogram = async (url: string, name: string, label: string) => {
        const text = await (await fetch(`${url}/metrics`)).text();
        const value = (suffix: string) => Number(new RegExp(`^${name}_${suffix}\\{[^}]*${label}[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
        return { items: value('sum'), carriers: value('count') };
      };
      const joinedReads = () => histogram(`http://127.0.0.1:${run.environment.env.TICKETS_PORT}`, 'db_joined_reads_per_statement', 'statement="tickets.ticket.read-with-caller"');
      const messages = () => histogram(run.environment.gatewayUrl, 'rpc_requests_per_message', 'service="tickets"');
      const missing = randomUUID();
      const reads = Object.keys(expected).flatMap((key) => [...Object.keys(tickets), 'missing'].map((name) => ({ key, name })));
      const before = { reads: await joinedReads(), messages: await messages() };
      for (let round = 0; round < 3; round++) {
        const answers = await Promise.all(reads.map(({ key, name }) => clients[key].get(`/api/tickets/${tickets[name] ?? missing}`)));
        expect(answers.map((answer, i) => ({ ...reads[i], status: answer.status, id: answer.body.id ?? null }))).toEqual(
          reads.map(({ key, name }) => (expected[key].includes(name) ? { key, name, status: 200, id: tickets[name] } : { key, name, status: 404, id: null })),
        );
      }
      const after = { reads: await joinedReads(), messages: await messages() };
      expect(after.reads.items - before.reads.items).toBe(3 * reads.length);
      expect(after.reads.carriers - before.reads.carriers).toBeLessThan(3 * reads.length);
      // At least the reads: a tickets subject whose cache entry ran out is asked for too.
      expect(after.messages.items - before.messages.items).toBeGreaterThanOrEqual(3 * reads.length);
      expect(after.messages.carriers - before.messages.carriers).toBeLessThan(after.messages.items - before.messages.items);
    });
  });

  describe('transitions', () => {
    it('allows exactly the transition table over every pair, 409 naming both states otherwise', async () => {
      for (const from of STATUSES) {
        for (const to of STATUSES) {
          const ticket = await create('org', { type: 'PROJECT', subject: `move ${from} to ${to}` });
          for (const step of PATH_TO[from]) expect((await move('org', ticket.id, step)).status).toBe(200);
          const response = await move('org', ticket.id, to);
          if (ALLOWED.has(`${from}>${to}`)) {
            expect({ from, to, status: response.status, now: response.body.status }).toEqual({ from, to, status: 200, now: to });
          } else {
            expect({ from, to, status: response.status, code: response.body.code }).toEqual({ from, to, status: 409, code: 'TRANSITION_NOT_ALLOWED' });
            expect(response.body.message).toContain(`from ${from} to ${to}`);
            expect((await clients.org.get(`/api/tickets/${ticket.id}`)).body.status).toBe(from);
          }
        }
      }
    });

    it('records who changed what, when, from and to, for every change', async () => {
      const ticket = await create('org', { type: 'TASK', subject: 'history', priority: 'LOW' });
      await move('org', ticket.id, 'OPEN');
      expect((await clients.org.patch(`/api/tickets/${ticket.id}`, { priority: 'HIGH', assigneeId: users.unit.id })).status).toBe(200);
      const history = await clients.org.get(`/api/tickets/${ticket.id}/history?limit=100`);
      const changes = history.body.items.map((e: any) => [e.field, e.oldValue, e.newValue]);
      expect(changes).toEqual(
        expect.arrayContaining([
          ['status', null, 'NEW'],
          ['status', 'NEW', 'OPEN'],
          ['priority', 'LOW', 'HIGH'],
          ['assigneeId', null, users.unit.id],
        ]),
      );
      expect(history.body.items.every((e: any) => e.actorId === users.org.id && !Number.isNaN(Date.parse(e.at)))).toBe(true);
      const events = await adminQuery<{ type: string; envelope: any }>(run.environment.databases.tickets, "SELECT type, envelope FROM outbox WHERE envelope->'data'->>'ticketId' = $1 ORDER BY seq", [ticket.id]);
      expect(events.map((e) => [e.type, e.envelope.data.status])).toEqual([
        ['tickets.ticket.created', 'NEW'],
        ['tickets.ticket.updated', 'OPEN'],
        ['tickets.ticket.updated', 'OPEN'],
      ]);
      expect(events[0].envelope.data).toEqual({ ticketId: ticket.id, type: 'TASK', status: 'NEW', requesterId: users.org.id, organizationId: run.ids.organizationId });
    });
  });

  describe('filters, sort and page', () => {
    it('filters by status, type, priority, assignee, requester, text and due dates, and sorts by priority', async () => {
      const tag = `filter${Date.now()}`;
      const a = await create('org', { type: 'CUSTOMER_ISSUE', subject: `${tag} alpha`, priority: 'URGENT', assigneeId: users.unit.id, dueDate: '2030-01-10' });
      const b = await create('org', { type: 'TASK', subject: `${tag} beta`, description: 'needle in here', priority: 'LOW', requesterId: users.own.id, dueDate: '2030-03-10' });
      const c = await create('org', { type: 'TASK', subject: `${tag} gamma`, priority: 'HIGH' });
      await move('org', c.id, 'OPEN');
      const ids = async (query: string) => (await clients.org.get(`/api/tickets?q=${tag}&${query}`)).body.items.map((t: { id: string }) => t.id);
      expect(await ids('status=OPEN')).toEqual([c.id]);
      expect((await ids('type=TASK')).sort()).toEqual([b.id, c.id].sort());
      expect(await ids('priority=URGENT')).toEqual([a.id]);
      expect(await ids(`assigneeId=${users.unit.id}`)).toEqual([a.id]);
      expect(await ids(`requesterId=${users.own.id}`)).toEqual([b.id]);
      expect(await clients.org.get('/api/tickets?q=NEEDLE').then((r) => r.body.items.map((t: { id: string }) => t.id))).toEqual([b.id]);
      expect(await ids('dueBefore=2030-02-01')).toEqual([a.id]);
      expect(await ids('dueAfter=2030-02-01')).toEqual([b.id]);
      expect(await ids('sort=priority&order=desc')).toEqual([a.id, c.id, b.id]);
      expect(await ids('sort=priority&order=asc&limit=1&offset=1')).toEqual([c.id]);
      expect((await clients.org.get('/api/tickets?sort=owner')).status).toBe(400);
    });
  });

  describe('comments', () => {
    it('keeps internal comments to holders of ticket_internal_comments', async () => {
      const ticket = await create('org', { type: 'CUSTOMER_ISSUE', subject: 'comments' });
      expect((await clients.org.post(`/api/tickets/${ticket.id}/comments`, { body: 'public note' })).status).toBe(201);
      const internal = await clients.org.post(`/api/tickets/${ticket.id}/comments`, { body: 'internal note', internal: true });
      expect(internal.body).toMatchObject({ internal: true, authorId: users.org.id });
      expect((await clients.org.get(`/api/tickets/${ticket.id}/comments`)).body.total).toBe(2);
      const other = await create('unit', { type: 'TASK', subject: 'unit comments' });
      const refused = await clients.unit.post(`/api/tickets/${other.id}/comments`, { body: 'secret', internal: true });
      expect(refused.status).toBe(403);
      expect(refused.body.message).toContain('ticket_internal_comments');
      expect((await clients.unit.post(`/api/tickets/${other.id}/comments`, { body: 'open' })).status).toBe(201);
      expect((await clients.org.post(`/api/tickets/${other.id}/comments`, { body: 'between us', internal: true })).status).toBe(201);
      const seen = await clients.unit.get(`/api/tickets/${other.id}/comments`);
      expect(seen.body).toMatchObject({ total: 1, items: [{ body: 'open', internal: false }] });
      expect((await clients.org.get(`/api/tickets/${other.id}/comments`)).body.total).toBe(2);
    });
  });

  describe('bad input', () => {
    it('refuses malformed tickets, unknown types and priorities, naming the field, writing nothing', async () => {
      const before = await ticketCount();
      const cases: [Record<string, unknown>, string][] = [
        [{}, 'type'],
        [{ type: 'TASK' }, 'subject'],
        [{ type: 'TASK', subject: '   ' }, 'subject'],
        [{ type: 'BUG', subject: 'x' }, 'type'],
        [{ type: 'TASK', subject: 'x', priority: 'CRITICAL' }, 'priority'],
        [{ type: 'TASK', subject: 'x', dueDate: 'tomorrow' }, 'dueDate'],
        [{ type: 'TASK', subject: 'x', assigneeId: 'me' }, 'assigneeId'],
        [{ type: 'TASK', subject: 'x', status: 'CLOSED' }, 'status'],
      ];
      for (const [body, field] of cases) {
        const response = await clients.org.post('/api/tickets', body);
        expect({ body, status: response.status, fields: response.body.details?.map((d: { field: string }) => d.field) }).toEqual({ body, status: 400, fields: expect.arrayContaining([field]) });
      }
      expect((await clients.org.post('/api/tickets/' + randomUUID() + '/transitions', { to: 'DONE' })).status).toBe(400);
      expect((await clients.org.patch(`/api/tickets/${randomUUID()}`, { subject: null })).status).toBe(400);
      expect(await ticketCount()).toBe(before);
    });

    it('refuses an assignee who is NEW, of another organization, or unknown, naming the cause', async () => {
      const before = await ticketCount();
      const cases: [string, string][] = [
        [users.newbie.id, 'is NEW in tickets'],
        [users.acme.id, 'belongs to another organization'],
        [randomUUID(), 'is no tickets user'],
      ];
      for (const [assigneeId, cause] of cases) {
        const response = await clients.org.post('/api/tickets', { type: 'TASK', subject: 'assign', assigneeId });
        expect(response.status).toBe(400);
        expect(response.body.details[0].field).toBe('assigneeId');
        expect(response.body.message).toContain(cause);
      }
      expect(await ticketCount()).toBe(before);
      const ticket = await create('org', { type: 'TASK', subject: 'reassign' });
      const patched = await clients.org.patch(`/api/tickets/${ticket.id}`, { assigneeId: users.newbie.id });
      expect(patched.status).toBe(400);
      expect((await clients.org.get(`/api/tickets/${ticket.id}`)).body.assigneeId).toBeNull();
    });

    it('403 to edit a ticket one may only view, as soon as the role definition says so', async () => {
      const editor = await setup.createRole('Editor', 'ORGANIZATION');
      await person('viewer', units.support, [editor]);
      const ticket = await create('org', { type: 'TASK', subject: 'look, do not touch' });
      expect((await clients.viewer.patch(`/api/tickets/${ticket.id}`, { subject: 'touched once' })).status).toBe(200);
      // The compiled subject is cached; changing the role's definition must drop it.
      const viewOnly = { name: 'Editor', permissions: ['VIEW', 'CREATE'].map((action) => ({ entity: 'Ticket', action, level: 'ORGANIZATION' })), capabilities: [] };
      expect((await run.admin.put(`/api/tickets/roles/${editor}`, viewOnly)).status).toBe(200);
      expect((await clients.viewer.get(`/api/tickets/${ticket.id}`)).status).toBe(200);
      const edit = await clients.viewer.patch(`/api/tickets/${ticket.id}`, { subject: 'touched twice' });
      expect(edit.status).toBe(403);
      expect((await clients.viewer.post(`/api/tickets/${ticket.id}/comments`, { body: 'x' })).status).toBe(403);
      expect((await clients.org.get(`/api/tickets/${ticket.id}`)).body.subject).toBe('touched once');
    });
  });

  describe('service requests for the portal (RPC)', () => {
    it('creates SERVICE_REQUEST tickets requested by the portal user and lists those of its client account', async () => {
      const actor = (key: string, organizationId: string) => ({ userId: users[key].id, sessionId: randomUUID(), organizationId });
      const created = await callRpc(run.environment.amqpUrl, 'tickets', 'tickets.service-requests.create', { subject: 'Need a new laptop' }, 10_000, actor('newbie', run.ids.organizationId));
      expect(created).toMatchObject({ type: 'SERVICE_REQUEST', status: 'NEW', requesterId: users.newbie.id, organizationId: run.ids.organizationId });
      const listed = await callRpc(run.environment.amqpUrl, 'tickets', 'tickets.service-requests.list', {}, 10_000, actor('own', run.ids.organizationId));
      expect(listed.items.map((t: { id: string }) => t.id)).toContain(created.id);
      const elsewhere = await callRpc(run.environment.amqpUrl, 'tickets', 'tickets.service-requests.list', {}, 10_000, actor('acme', acme.organizationId));
      expect(elsewhere.items.map((t: { id: string }) => t.id)).not.toContain(created.id);
      await expect(callRpc(run.environment.amqpUrl, 'tickets', 'tickets.service-requests.create', { subject: 'x' }, 10_000, actor('acme', run.ids.organizationId))).rejects.toMatchObject({ statusCode: 403 });
      await expect(callRpc(run.environment.amqpUrl, 'tickets', 'tickets.service-requests.create', { subject: '' }, 10_000, actor('newbie', run.ids.organizationId))).rejects.toMatchObject({ statusCode: 400 });
    });
  });
});
