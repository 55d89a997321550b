import { adminQuery, createTestEnvironment, eventually, GatewayClient, isRunning, linesOf, startedPids, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { startLoad } from '../faults/careful-clients';
import { readFindings, settledFindings } from '../faults/invariants';
import { newUserBody, report, seededIds } from './suite-fixture';
import { ticketRoleBody } from './tickets-fixture';

const USERS = 150;
const CLIENTS = 8;
const PROFILE = 'Shutdown Agents';
/** The bound each stopping process drains within (DESIGN.md section 10); the default, said out loud. */
const SHUTDOWN_TIMEOUT_MS = 10_000;

type Service = 'tickets' | 'gateway' | 'identity';
const PORT_VARIABLE: Record<Service, string> = { tickets: 'TICKETS_PORT', gateway: 'PORT', identity: 'IDENTITY_PORT' };

const healthy = (port: string) =>
  fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status === 200,
    () => false,
  );

/** What one SIGTERM came to: how long the process took to exit, and the lines it logged from its start to its death. */
interface Stop {
  service: Service;
  pid: number;
  exitMs: number;
  createdAtSignal: number;
  lines: string[];
}

/** The lines the start script printed for `service` from the start of `pid` to its death. */
function linesOfPid(logs: string, service: Service, pid: number): string[] {
  const lines = linesOf(logs, service);
  const from = lines.findIndex((line) => line.startsWith(`started (pid ${pid}`));
  const to = lines.findIndex((line) => line.startsWith(`died (pid ${pid},`));
  return lines.slice(from, to + 1);
}

/**
 * DESIGN.md section 10: on SIGTERM a service stops taking messages and requests, finishes what it
 * holds, acks, flushes its outbox relay and exits within SHUTDOWN_TIMEOUT_MS. Careful clients (an
 * Idempotency-Key per user, retrying 502/503/504 and connection errors) keep creating users while
 * tickets, the gateway and identity are each stopped in turn and started again by the supervisor.
 */
describe('SIGTERM under load: tickets, the gateway and identity in turn', () => {
  let environment: TestEnvironment;
  let suite: SuiteProcess | undefined;

  beforeAll(async () => {
    environment = await createTestEnvironment({ RPC_TIMEOUT_MS: '2000', SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS), START_TIMEOUT_MS: '240000' });
    suite = await startSuite(environment, undefined, 240_000);
  }, 300_000);

  afterAll(async () => {
    await suite?.stop();
    // The run's log, for reading what a failure was about.
    if (suite) {
      mkdirSync(resolve(__dirname, '../../.run'), { recursive: true });
      writeFileSync(resolve(__dirname, '../../.run/shutdown-under-load.log'), suite.logs());
    }
    await environment?.dispose();
  }, 120_000);

  it(`${USERS} users by ${CLIENTS} careful clients: each stopped process drains and exits by itself, nothing is lost or applied twice`, async () => {
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const ids = await seededIds(environment);
    const role = await admin.post('/api/tickets/roles', ticketRoleBody('Shutdown Agent', 'BUSINESS_UNIT'));
    expect(role.status).toBe(201);
    expect((await admin.post('/api/tickets/security-profiles', { name: PROFILE, roleIds: [role.body.id] })).status).toBe(201);
    expect((await admin.post('/api/security-profiles', { name: PROFILE })).status).toBe(201);

    const bodies = Array.from({ length: USERS }, (_, index) =>
      newUserBody(ids, {
        username: `shutdown.${index}.${environment.runId}`,
        primaryEmail: `shutdown.${index}.${environment.runId}@example.com`,
        securityProfiles: index % 3 === 0 ? [PROFILE] : [],
      }),
    );
    // Each signal some 30 users after the one before. The clients wait 10 users past the next
    // signal's mark until it is sent, so the load cannot end before the last signal however fast
    // the machine is (a restart takes seconds; 150 users alone may not).
    const marks = [20, 50, 80];
    let signalled = 0;
    const holdBack = async () => {
      await null; // the clients start inside startLoad, before `load` is assigned
      while (signalled < marks.length && load.created() >= marks[signalled] + 10) await new Promise((done) => setTimeout(done, 20));
    };
    const load = startLoad(environment.gatewayUrl, admin.token!, bodies, CLIENTS, holdBack);

    const stops: Stop[] = [];
    const stopUnderLoad = async (service: Service, atCreated: number) => {
      await eventually(async () => (load.created() >= atCreated ? true : undefined), 120_000, 50);
      const [pid] = startedPids(suite!.logs(), service).slice(-1);
      const createdAtSignal = load.created();
      const signalledAt = Date.now();
      process.kill(pid, 'SIGTERM');
      signalled++;
      // Nothing here kills harder: it exits by itself (the bound's timer would exit it with code 1).
      await eventually(async () => (isRunning(pid) ? undefined : true), SHUTDOWN_TIMEOUT_MS + 20_000, 10);
      const exitMs = Date.now() - signalledAt;
      await eventually(async () => (startedPids(suite!.logs(), service).length > 0 && startedPids(suite!.logs(), service).slice(-1)[0] !== pid ? true : undefined), 60_000, 50);
      await eventually(async () => ((await healthy(environment.env[PORT_VARIABLE[service]])) ? true : undefined), 120_000, 100);
      stops.push({ service, pid, exitMs, createdAtSignal, lines: linesOfPid(suite!.logs(), service, pid) });
    };
    await stopUnderLoad('tickets', marks[0]);
    await stopUnderLoad('gateway', marks[1]);
    await stopUnderLoad('identity', marks[2]);
    const loadedAtEachSignal = stops.map((stop) => stop.createdAtSignal < USERS);
    await load.done;
    expect(loadedAtEachSignal).toEqual([true, true, true]);

    for (const stop of stops) {
      report(`shutdown under load: SIGTERM to ${stop.service} (pid ${stop.pid}) at ${stop.createdAtSignal} users created, exited after ${stop.exitMs} ms (bound ${SHUTDOWN_TIMEOUT_MS} ms)`);
      const log = stop.lines.join('\n');
      // It drained and ended on the signal (Nest re-raises it after its hooks) or with code 0: not by
      // a crash, nor by the bound's timer (exit code 1 and its line), nor killed by the supervisor.
      expect(log).toContain('SIGTERM: draining');
      expect(log).toMatch(new RegExp(`died \\(pid ${stop.pid}, (signal SIGTERM|exit code 0)\\)`));
      expect(log).not.toContain('still running');
      // Nothing of the drain failed: the consumers cancelled, the replies went out, the relay's last pass ran.
      expect(stop.lines.filter((line) => /could not cancel|not sent|before closing:|relay paused/.test(line))).toEqual([]);
    }
    const [tickets, , identity] = stops;
    // Tickets stopped its consumer (after the deliveries in hand) and flushed its relay before closing.
    expect(tickets.lines.join('\n')).toMatch(/consumer of tickets\.events stopped: \d+ applied/);
    expect(tickets.lines.join('\n')).toMatch(/relay published \d+ events/);
    expect(identity.lines.join('\n')).toMatch(/relay published \d+ events/);
    const drainLines = stops.flatMap((stop) => stop.lines.filter((line) => /finishing \d+|refused with 503/.test(line)).map((line) => `${stop.service}: ${line.slice(-120)}`));
    report(`shutdown under load: what the stopping processes held: ${drainLines.length ? drainLines.join(' | ') : 'nothing in hand at the signal'}`);

    // Every user got its answer: a 201, after retries of 502/503/504 or connection errors with the same key; none hung.
    const outcomes = new Map<string, number>();
    for (const request of load.requests) for (const attempt of request.attempts) outcomes.set(String(attempt.outcome), (outcomes.get(String(attempt.outcome)) ?? 0) + 1);
    const retried = load.requests.filter((request) => request.attempts.length > 1).length;
    report(`shutdown under load: attempts by outcome ${JSON.stringify(Object.fromEntries(outcomes))}; ${retried} of ${USERS} users needed a retry`);
    expect([...outcomes.keys()].filter((outcome) => !['201', '502', '503', '504', 'connection error'].includes(outcome))).toEqual([]);
    expect(load.requests.filter((request) => !request.createdId)).toEqual([]);
    expect(new Set(load.requests.map((request) => request.createdId)).size).toBe(USERS);

    // In the stores: each user once in identity (with the id its 201 named), in tickets (ACTIVE by
    // profile) and in the portal; each user.created written once and applied once by each consumer;
    // every outbox drained; nothing dead-lettered.
    const findings = await settledFindings(() => readFindings(environment, load.requests, PROFILE), [], 60_000);
    expect({ ...findings, deadLettered: Object.values(findings.deadLettered).flat() }).toEqual({
      lost: [],
      doubled: 0,
      answerMismatches: [],
      wrongStatus: [],
      eventsWrittenTwice: 0,
      inboxDuplicates: 0,
      eventsNotApplied: [],
      outboxLeft: { identity: 0, tickets: 0, portal: 0 },
      deadLettered: [],
    });
    // Each activation is one tickets.user.activated, though tickets was stopped while applying them.
    const activations = await adminQuery<{ userId: string; n: string }>(
      environment.databases.tickets,
      `SELECT envelope->'data'->>'userId' AS "userId", count(*) AS n FROM outbox WHERE type = 'tickets.user.activated' AND envelope->'data'->>'userId' = ANY($1::text[]) GROUP BY 1`,
      [load.requests.map((request) => request.createdId)],
    );
    expect(activations.filter((row) => Number(row.n) !== 1)).toEqual([]);
    expect(activations).toHaveLength(bodies.filter((body) => (body.securityProfiles as string[]).includes(PROFILE)).length);
  }, 600_000);
});
