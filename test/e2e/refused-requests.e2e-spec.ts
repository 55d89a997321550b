import { adminQuery, createTestEnvironment, eventually, GatewayClient, isRunning, startedPids, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { Client } from 'pg';
import { report } from './suite-fixture';

// Tickets drains for half of SHUTDOWN_TIMEOUT_MS, then refuses what it still holds with a 503; the
// gateway's RPC deadline is longer, so the 503 is what comes back.
const SHUTDOWN_TIMEOUT_MS = 8000;
// No more than tickets' pool (10): each waits on the lock holding a connection, where the test can count it.
const WRITES = 8;

/** A transaction of the tickets database holding the ticket's row, so every update of it waits. */
async function holdRow(environment: TestEnvironment, id: string): Promise<Client> {
  const holder = new Client({ connectionString: `${environment.databaseUrl}/${environment.databases.tickets}` });
  await holder.connect();
  await holder.query('BEGIN');
  await holder.query('SELECT id FROM tickets WHERE id = $1 FOR UPDATE', [id]);
  return holder;
}

/** How many of tickets' connections wait on a lock. */
async function waitingOnLocks(environment: TestEnvironment): Promise<number> {
  const [{ waiting }] = await adminQuery<{ waiting: string }>(
    environment.databases.tickets,
    `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tickets' AND wait_event_type = 'Lock'`,
  );
  return Number(waiting);
}

/** How many of tickets' connections are inside a statement or a transaction. */
async function busyConnections(environment: TestEnvironment): Promise<number> {
  const [{ busy }] = await adminQuery<{ busy: string }>(
    environment.databases.tickets,
    `SELECT count(*) AS busy FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'tickets' AND state <> 'idle'`,
  );
  return Number(busy);
}

/** What the ticket holds and whether any update of it was written to the outbox. */
async function landed(environment: TestEnvironment, id: string): Promise<{ subject: string; updateEvents: number }> {
  const [row] = await adminQuery<{ subject: string }>(environment.databases.tickets, 'SELECT subject FROM tickets WHERE id = $1', [id]);
  const [{ count }] = await adminQuery<{ count: string }>(environment.databases.tickets, `SELECT count(*) FROM outbox WHERE type = 'tickets.ticket.updated' AND envelope->'data'->>'id' = $1`, [id]);
  return { subject: row.subject, updateEvents: Number(count) };
}

/** The gateway's count of RPC messages to tickets and of the requests they carried. */
async function ticketsMessages(gatewayUrl: string): Promise<{ requests: number; messages: number }> {
  const text = await (await fetch(`${gatewayUrl}/metrics`)).text();
  const value = (suffix: string) => Number(new RegExp(`^rpc_requests_per_message_${suffix}\\{[^}]*service="tickets"[^}]*\\} (\\S+)$`, 'm').exec(text)?.[1] ?? 0);
  return { requests: value('sum'), messages: value('count') };
}

describe('the drain refuses what it still holds, and what it refused does not commit', () => {
  let environment: TestEnvironment;
  let suite: SuiteProcess | undefined;
  let holder: Client | undefined;

  beforeAll(async () => {
    environment = await createTestEnvironment({ SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), RPC_TIMEOUT_MS: '20000' });
  });

  afterAll(async () => {
    await holder?.end().catch(() => undefined);
    await suite?.stop();
    await environment?.dispose();
  });

  it(`${WRITES} ticket updates waiting on a row lock past the drain's bound: each is answered 503, and none lands when the lock is released before the process ends`, async () => {
    suite = await startSuite(environment);
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const created = await admin.post('/api/tickets', { type: 'TASK', subject: 'Before the drain', priority: 'LOW' });
    expect(created.status).toBe(201);
    const id: string = created.body.id;

    // Another session holds the ticket's row, so every update waits inside its transaction.
    holder = await holdRow(environment, id);

    // Reads first, so the updates go on connections already open and reach the gateway together.
    await Promise.all(Array.from({ length: WRITES }, () => admin.get(`/api/tickets/${id}`)));
    const before = await ticketsMessages(environment.gatewayUrl);
    const updates = Array.from({ length: WRITES }, (_, i) => admin.patch(`/api/tickets/${id}`, { subject: `Refused ${i}` }));
    await eventually(async () => ((await waitingOnLocks(environment)) === WRITES ? true : undefined), 30_000);
    const [pid] = startedPids(suite.logs(), 'tickets').slice(-1);
    process.kill(pid, 'SIGTERM');

    // The lock goes as soon as the first refusal comes back, while the stopping process may still hold
    // the refused handlers: they go on then, and must not commit.
    await Promise.race(updates);
    const aliveAtRelease = isRunning(pid);
    await holder.query('COMMIT');
    const answers = await Promise.all(updates);
    expect(answers.map((answer) => [answer.status, answer.body.code])).toEqual(answers.map(() => [503, 'SERVICE_UNAVAILABLE']));
    const after = await ticketsMessages(environment.gatewayUrl);
    expect(after.requests - before.requests).toBe(WRITES);
    // At least some of them went together: the refusal of a batch is what this covers as well.
    expect(after.messages - before.messages).toBeLessThan(WRITES);
    await eventually(async () => (isRunning(pid) ? undefined : true), 30_000, 50);
    await eventually(async () => (startedPids(suite!.logs(), 'tickets').length > 1 && (await fetch(`http://127.0.0.1:${environment.env.TICKETS_PORT}/health`)).ok ? true : undefined), 60_000);

    expect(await landed(environment, id)).toEqual({ subject: 'Before the drain', updateEvents: 0 });
    expect((await admin.get(`/api/tickets/${id}`)).body.subject).toBe('Before the drain');

    const logs = suite.logs();
    expect(logs).toMatch(new RegExp(`${WRITES} refused with 503, their transactions rolled back`));
    report(`drain refusal: ${WRITES} updates in ${after.messages - before.messages} message(s), all 503, none committed; tickets ${aliveAtRelease ? 'still ran' : 'had ended'} when the lock went`);
  });
});

describe("a request the gateway gave up on does not land (the request's commitBy)", () => {
  const RPC_TIMEOUT_MS = 1500;
  let environment: TestEnvironment;
  let suite: SuiteProcess | undefined;
  let admin: GatewayClient;
  const held: Client[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({ RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS) });
    suite = await startSuite(environment);
    admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
  });

  afterAll(async () => {
    for (const holder of held) await holder.end().catch(() => undefined);
    await suite?.stop();
    await environment?.dispose();
  });

  const newTicket = async (subject: string): Promise<string> => {
    const created = await admin.post('/api/tickets', { type: 'TASK', subject, priority: 'LOW' });
    expect(created.status).toBe(201);
    return created.body.id;
  };

  it('an update blocked on a row lock past the deadline: 503, and it rolls back when the lock goes', async () => {
    const id = await newTicket('Before the deadline');
    const holder = await holdRow(environment, id);
    held.push(holder);
    const answer = await admin.patch(`/api/tickets/${id}`, { subject: 'Too late' });
    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    expect(await waitingOnLocks(environment)).toBe(1);
    await holder.query('COMMIT');
    // The handler goes on once the lock is gone, and its commit is refused: wait until tickets holds no transaction.
    await eventually(async () => ((await busyConnections(environment)) === 0 ? true : undefined), 10_000);
    expect(await landed(environment, id)).toEqual({ subject: 'Before the deadline', updateEvents: 0 });
  });

  it("a login whose one statement waits on the user's row lock past the deadline: 503, cancelled at once, no session opens", async () => {
    const identity = environment.databases.identity;
    const sessionsAndFailures = async () =>
      (await adminQuery<{ sessions: string; failures: number }>(identity, `SELECT (SELECT count(*) FROM sessions s WHERE s.user_id = u.id) AS sessions, u.failed_logins AS failures FROM users u WHERE u.username = 'admin'`))[0];
    // A failure first, so the login's statement (which resets the count) has the user's row to update.
    expect((await new GatewayClient(environment.gatewayUrl).post('/api/auth/login', { username: 'admin', password: 'not the password' })).status).toBe(401);
    const before = await sessionsAndFailures();
    expect(before.failures).toBe(1);
    const holder = new Client({ connectionString: `${environment.databaseUrl}/${identity}` });
    await holder.connect();
    held.push(holder);
    await holder.query('BEGIN');
    await holder.query(`SELECT id FROM users WHERE username = 'admin' FOR UPDATE`);
    const started = Date.now();
    const answer = await new GatewayClient(environment.gatewayUrl).post('/api/auth/login', { username: 'admin', password: environment.env.ADMIN_PASSWORD });
    const took = Date.now() - started;
    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    // Cancelled at its commitBy, not left waiting on the lock: no identity connection waits once the answer is in.
    const [{ waiting }] = await adminQuery<{ waiting: string }>(identity, `SELECT count(*) AS waiting FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'identity' AND wait_event_type = 'Lock'`);
    expect(Number(waiting)).toBe(0);
    await holder.query('COMMIT');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await sessionsAndFailures()).toEqual(before);
    const again = await new GatewayClient(environment.gatewayUrl).post('/api/auth/login', { username: 'admin', password: environment.env.ADMIN_PASSWORD });
    expect(again.status).toBe(200);
    expect(await sessionsAndFailures()).toEqual({ sessions: String(Number(before.sessions) + 1), failures: 0 });
    report(`a login held on the user's row lock: 503 after ${took} ms, its statement cancelled, nothing landed`);
  });

  it('an update that reaches a stopped service after the deadline: 503, and it is not run when the service goes on', async () => {
    const id = await newTicket('Before the pause');
    const [pid] = startedPids(suite!.logs(), 'tickets').slice(-1);
    process.kill(pid, 'SIGSTOP');
    let answer;
    try {
      answer = await admin.patch(`/api/tickets/${id}`, { subject: 'Too late' });
    } finally {
      process.kill(pid, 'SIGCONT');
    }
    expect([answer.status, answer.body.code]).toEqual([503, 'SERVICE_UNAVAILABLE']);
    // Once it runs again it takes the request and answers it at once without running it; a read after it is served.
    await eventually(async () => ((await admin.get(`/api/tickets/${id}`)).status === 200 ? true : undefined), 10_000);
    expect(await landed(environment, id)).toEqual({ subject: 'Before the pause', updateEvents: 0 });
  });
});
