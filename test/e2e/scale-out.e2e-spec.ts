import { adminQuery, createTestEnvironment, eventually, GatewayClient, linesOf, startedPids, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { EventCounter } from './event-counter';
import { newUserBody, report, SeededIds, seededIds } from './suite-fixture';
import { ticketRoleBody } from './tickets-fixture';

const USERS = 100;
const CLIENTS = 8;
/** Users i with i % ACTIVATED_EVERY === 0 carry the CRM profile that matches a tickets profile. */
const ACTIVATED_EVERY = 3;
const PROFILE = 'Scale Agents';

/** Every outbox row of a service's database: the events it committed. */
const outboxIds = async (database: string) =>
  (await adminQuery<{ id: string }>(database, 'SELECT event_id::text AS id FROM outbox')).map((row) => row.id);

const unpublished = async (database: string) => Number((await adminQuery<{ n: string }>(database, 'SELECT count(*) AS n FROM outbox WHERE published_at IS NULL'))[0].n);

/**
 * DESIGN.md section 10, scale-out: two tickets processes compete on `tickets.events`, two gateways
 * serve the same sessions, all against one broker vhost and one set of databases, as
 * `npm start -- --instances tickets=2,gateway=2` runs them.
 */
describe('scale-out: two tickets and two gateways', () => {
  let environment: TestEnvironment;
  let suite: SuiteProcess | undefined;
  let counter: EventCounter;
  let gatewayA: GatewayClient;
  let gatewayB: GatewayClient;
  let adminA: GatewayClient;
  let adminB: GatewayClient;
  let ids: SeededIds;
  const created: Array<{ id: string; activated: boolean; through: number }> = [];

  beforeAll(async () => {
    // A session cache far longer than the 1 s the logout must take to reach the other gateway.
    // Six processes starting at once on a shared 2-core machine: more time than the usual start.
    environment = await createTestEnvironment({ SESSION_CACHE_MS: '60000', START_TIMEOUT_MS: '240000' }, { tickets: 2, gateway: 2 });
    counter = await EventCounter.start(environment.amqpUrl);
    suite = await startSuite(environment, undefined, 240_000);
    [gatewayA, gatewayB] = environment.gatewayUrls.map((url) => new GatewayClient(url));
    adminA = await gatewayA.login('admin', environment.env.ADMIN_PASSWORD);
    adminB = await gatewayB.login('admin', environment.env.ADMIN_PASSWORD);
    ids = await seededIds(environment);
  }, 300_000);

  afterAll(async () => {
    await suite?.stop();
    await counter?.stop();
    await environment?.dispose();
  }, 120_000);

  it('runs each process on its own port: two gateways, two tickets, one identity and one portal', async () => {
    const logs = suite!.logs();
    for (const key of ['tickets#1', 'tickets#2', 'gateway#1', 'gateway#2', 'identity', 'portal']) expect(startedPids(logs, key)).toHaveLength(1);
    expect(startedPids(logs, 'tickets#1')[0]).not.toBe(startedPids(logs, 'tickets#2')[0]);
    expect(environment.gatewayUrls).toHaveLength(2);
    expect(new Set(environment.ports.gateway).size).toBe(2);
    for (const port of [...environment.ports.tickets, ...environment.ports.gateway]) {
      expect((await fetch(`http://127.0.0.1:${port}/health`)).status).toBe(200);
    }
  });

  it('handles every event once: users created through both gateways are each mirrored once, each event in the inbox once, the matching ones ACTIVE', async () => {
    const role = await adminA.post('/api/tickets/roles', ticketRoleBody('Scale Agent', 'GLOBAL'));
    expect(role.status).toBe(201);
    expect((await adminB.post('/api/tickets/security-profiles', { name: PROFILE, roleIds: [role.body.id] })).status).toBe(201);
    expect((await adminA.post('/api/security-profiles', { name: PROFILE })).status).toBe(201);

    const refused: Array<{ index: number; status: number; body: unknown }> = [];
    let next = 0;
    const client = async () => {
      while (next < USERS) {
        const index = next++;
        const activated = index % ACTIVATED_EVERY === 0;
        const through = index % 2;
        const response = await [adminA, adminB][through].post('/api/users', newUserBody(ids, { securityProfiles: activated ? [PROFILE] : [] }));
        if (response.status === 201) created.push({ id: response.body.id, activated, through });
        else refused.push({ index, status: response.status, body: response.body });
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, client));
    expect(refused).toEqual([]);
    expect(created).toHaveLength(USERS);
    expect(created.filter((user) => user.through === 1)).toHaveLength(USERS / 2);
    const userIds = created.map((user) => user.id);

    const { elapsedMs } = await eventually(async () => {
      const [{ n }] = await adminQuery<{ n: string }>(environment.databases.tickets, 'SELECT count(*) AS n FROM ticket_users WHERE id = ANY($1::uuid[])', [userIds]);
      return Number(n) === USERS ? true : undefined;
    }, 60_000, 100);
    report(`scale-out: ${USERS} users through 2 gateways mirrored by 2 tickets processes ${elapsedMs} ms after the last 201`);

    // Each user's identity.user.created is in tickets' inbox exactly once (the inbox's key says at
    // most once; this says it arrived), and each user is one row.
    const createdEvents = await adminQuery<{ id: string }>(
      environment.databases.identity,
      `SELECT event_id::text AS id FROM outbox WHERE type = 'identity.user.created' AND envelope->'data'->>'id' = ANY($1::text[])`,
      [userIds],
    );
    expect(createdEvents).toHaveLength(USERS);
    const inbox = await adminQuery<{ id: string; n: string }>(
      environment.databases.tickets,
      'SELECT event_id::text AS id, count(*) AS n FROM inbox WHERE event_id = ANY($1::uuid[]) GROUP BY event_id',
      [createdEvents.map((event) => event.id)],
    );
    expect(inbox).toHaveLength(USERS);
    expect(inbox.filter((row) => Number(row.n) !== 1)).toEqual([]);
    const rows = await adminQuery<{ id: string; status: string; copies: string }>(
      environment.databases.tickets,
      'SELECT id::text, min(status) AS status, count(*) AS copies FROM ticket_users WHERE id = ANY($1::uuid[]) GROUP BY id',
      [userIds],
    );
    expect(rows.filter((row) => Number(row.copies) !== 1)).toEqual([]);
    const statusOf = new Map(rows.map((row) => [row.id, row.status]));
    const wrong = created.filter((user) => statusOf.get(user.id) !== (user.activated ? 'ACTIVE' : 'NEW'));
    expect(wrong).toEqual([]);
    // Each activation is one tickets.user.activated in tickets' outbox, whichever process applied it.
    const [{ n: activations }] = await adminQuery<{ n: string }>(
      environment.databases.tickets,
      `SELECT count(*) AS n FROM outbox WHERE type = 'tickets.user.activated' AND envelope->'data'->>'userId' = ANY($1::text[])`,
      [userIds],
    );
    expect(Number(activations)).toBe(created.filter((user) => user.activated).length);
  }, 300_000);

  it('any gateway accepts any session: a login on A works on B', async () => {
    const token = (await gatewayA.login('admin', environment.env.ADMIN_PASSWORD)).token!;
    const onB = await gatewayB.as(token).get('/api/me');
    expect(onB.status).toBe(200);
    expect(onB.body.username).toBe('admin');
  });

  it('a logout on A is refused on B within 1 s, although B had the session cached', async () => {
    const measured: number[] = [];
    for (let round = 0; round < 3; round++) {
      const body = newUserBody(ids);
      expect((await adminA.post('/api/users', body)).status).toBe(201);
      const token = (await gatewayA.login(String(body.username), String(body.password))).token!;
      // B has the session cached (SESSION_CACHE_MS is a minute here).
      expect((await gatewayB.as(token).get('/api/me')).status).toBe(200);
      expect((await gatewayB.as(token).get('/api/me')).status).toBe(200);

      expect((await gatewayA.as(token).post('/api/auth/logout')).status).toBe(204);
      const answeredAt = Date.now();
      let status = 200;
      while (status === 200 && Date.now() - answeredAt < 1000) status = (await gatewayB.as(token).get('/api/me')).status;
      const ms = Date.now() - answeredAt;
      expect({ status, withinOneSecond: ms <= 1000 }).toEqual({ status: 401, withinOneSecond: true });
      measured.push(ms);
      expect((await gatewayA.as(token).get('/api/me')).status).toBe(401);
    }
    report(`scale-out: logout on gateway A to the first 401 on gateway B: ${measured.join(', ')} ms`);
  });

  it('publishes each event once with two relays on one outbox, and both tickets processes took events', async () => {
    const databases = [environment.databases.identity, environment.databases.tickets, environment.databases.portal];
    await eventually(async () => ((await Promise.all(databases.map(unpublished))).every((n) => n === 0) ? true : undefined), 30_000, 100);
    const committed = (await Promise.all(databases.map(outboxIds))).flat();
    await eventually(async () => (committed.every((id) => counter.deliveries.has(id)) ? true : undefined), 30_000, 100);

    // Stopping flushes every relay and makes each tickets process log what its consumer did.
    await suite!.stop();
    const logs = suite!.logs();
    suite = undefined;
    expect(counter.duplicates()).toEqual([]);
    expect(committed.filter((id) => counter.deliveries.get(id) !== 1)).toEqual([]);
    expect(counter.deliveries.size).toBe(committed.length);

    const applied = ['tickets#1', 'tickets#2'].map((key) => {
      const line = linesOf(logs, key).find((l) => /consumer of tickets\.events stopped: (\d+) applied/.test(l));
      return Number(/stopped: (\d+) applied/.exec(line ?? '')?.[1] ?? 0);
    });
    report(`scale-out: ${committed.length} events published once each; tickets events applied by process: ${applied.join(' + ')}`);
    expect(applied.every((n) => n > 0)).toBe(true);
    // Between them, every event tickets applied: the users, the admin, the unit tree...
    const [{ n: inboxRows }] = await adminQuery<{ n: string }>(environment.databases.tickets, 'SELECT count(*) AS n FROM inbox');
    expect(applied[0] + applied[1]).toBe(Number(inboxRows));
  });
});
