import { createTestEnvironment, eventually, GatewayClient, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { newUserBody, seededIds } from '../e2e/suite-fixture';
import { ticketRoleBody } from '../e2e/tickets-fixture';
import { answerFigures } from './answers';
import { startLoad } from './careful-clients';
import { brokerRestart, crashBetweenCommitAndPublish, eventsLeftByCrash, FaultRecord, FaultTarget, postgresRestart, signalService } from './fault-injectors';
import { expectedDeadLetters, readFindings, settledFindings } from './invariants';
import { poisonMessages, publishPoison } from './poison-messages';
import { createPrivatePostgres, PrivatePostgres } from './private-postgres';
import { summaryTable } from './summary';

const USERS = 2000;
const CLIENTS = 8;
const RPC_TIMEOUT_MS = 2000;
/** Every tenth user carries the CRM profile whose name a tickets security profile shares: ACTIVE in tickets. */
const AGENTS_PROFILE = 'Faults Agents';

/**
 * The operator's fault scenario (issue 13): the whole suite as `npm start` runs it, under load from
 * careful clients, through crashes, restarts and poison; afterwards nothing is lost or doubled.
 */
describe('the suite under faults', () => {
  let postgres: PrivatePostgres;
  let environment: TestEnvironment;
  let suite: SuiteProcess;
  const crashFile = join(tmpdir(), `faults-${process.pid}.crash-after-commit`);

  beforeAll(async () => {
    postgres = await createPrivatePostgres();
    environment = await createTestEnvironment({
      DATABASE_URL: postgres.url,
      RPC_TIMEOUT_MS: String(RPC_TIMEOUT_MS),
      TEST_FAULTS: '1',
      TEST_CRASH_AFTER_COMMIT: crashFile,
    });
    suite = await startSuite(environment);
  }, 180_000);

  afterAll(async () => {
    await suite?.stop();
    // Every service's log of the run, for reading what a failure was about.
    if (suite) {
      mkdirSync(resolve(__dirname, '../../.run'), { recursive: true });
      writeFileSync(resolve(__dirname, '../../.run/faults-suite.log'), suite.logs());
    }
    await environment?.dispose().catch(() => undefined);
    rmSync(crashFile, { force: true });
    await postgres?.drop();
  }, 120_000);

  it(`${USERS} users by ${CLIENTS} careful clients through kills, a broker and a database restart, a crash between commit and publish, a SIGTERM and poison: none lost, none doubled`, async () => {
    const runStarted = Date.now();
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const ids = await seededIds(environment);
    const role = await admin.post('/api/tickets/roles', ticketRoleBody('FAULTS_AGENT', 'BUSINESS_UNIT'));
    expect(role.status).toBe(201);
    expect((await admin.post('/api/tickets/security-profiles', { name: AGENTS_PROFILE, roleIds: [role.body.id] })).status).toBe(201);
    expect((await admin.post('/api/security-profiles', { name: AGENTS_PROFILE })).status).toBe(201);

    const bodies = Array.from({ length: USERS }, (_, index) =>
      newUserBody(ids, {
        username: `faults.${index}.${environment.runId}`,
        primaryEmail: `faults.${index}.${environment.runId}@example.com`,
        securityProfiles: index % 10 === 0 ? [AGENTS_PROFILE] : [],
      }),
    );
    const load = startLoad(environment.gatewayUrl, admin.token!, bodies, CLIENTS);
    const target: FaultTarget = { environment, suite, postgres, crashFile, created: load.created };
    const poison = poisonMessages();

    // Each fault waits for its share of the load, then for the suite to be healthy again before the next.
    const schedule: Array<[number, () => Promise<FaultRecord>]> = [
      [100, () => signalService(target, 'tickets', 'SIGKILL')],
      [250, async () => {
        const startedAt = Date.now();
        await publishPoison(environment.amqpUrl, poison);
        return { name: 'poison messages published', startedAt, recoveredAt: Date.now(), createdAtStart: load.created(), detail: poison.map((p) => p.why).join('; ') };
      }],
      [350, () => signalService(target, 'portal', 'SIGKILL')],
      [550, () => crashBetweenCommitAndPublish(target)],
      [800, () => brokerRestart(target)],
      [1050, () => postgresRestart(target)],
      [1300, () => signalService(target, 'tickets', 'SIGKILL')],
      [1550, () => signalService(target, 'identity', 'SIGTERM')],
    ];
    const faults: FaultRecord[] = [];
    for (const [threshold, inject] of schedule) {
      await eventually(async () => (load.created() >= threshold || load.finishedAt() ? true : undefined), 600_000, 50);
      if (load.finishedAt()) break;
      faults.push(await inject());
    }
    await load.done;

    const findings = await settledFindings(() => readFindings(environment, load.requests, AGENTS_PROFILE), poison, 120_000);
    const answers = answerFigures(load.requests, faults, RPC_TIMEOUT_MS);
    process.stdout.write(summaryTable(USERS, answers, findings, faults, poison.length, Date.now() - runStarted));

    // Every fault hit the suite while the load ran.
    expect(faults.map((f) => f.name)).toHaveLength(schedule.length);
    expect(faults.filter((f) => f.startedAt > load.finishedAt()!).map((f) => f.name)).toEqual([]);
    // The supervisor restarted what died, saying so.
    expect(suite.logs()).toMatch(/^\[identity\]\s+died \(pid \d+, signal SIGKILL\)/m);
    expect(suite.logs()).toMatch(/^\[identity\]\s+died \(pid \d+, signal SIGTERM\)/m);
    expect(suite.logs().match(/^\[tickets\]\s+died \(pid \d+, signal SIGKILL\)/gm)).toHaveLength(2);
    expect(suite.logs()).toMatch(/^\[portal\]\s+died \(pid \d+, signal SIGKILL\)/m);

    // Nothing lost, nothing doubled, every user with its status in every store.
    expect(findings.lost).toEqual([]);
    expect(findings.doubled).toBe(0);
    expect(findings.answerMismatches).toEqual([]);
    expect(findings.wrongStatus).toEqual([]);
    expect(findings.eventsWrittenTwice).toBe(0);
    expect(findings.inboxDuplicates).toBe(0);
    expect(findings.eventsNotApplied).toEqual([]);
    expect(findings.outboxLeft).toEqual({ identity: 0, tickets: 0, portal: 0 });
    // The crash left committed events unpublished; the restarted identity published them and both consumers applied them.
    const leftByCrash = eventsLeftByCrash(suite);
    expect(leftByCrash.map((e) => e.type)).toContain('identity.user.created');
    // Exactly the poison is dead-lettered: no real event among it, none missing.
    expect(findings.deadLettered).toEqual(expectedDeadLetters(poison));

    // Every request ended with 201; 5xx only 502-504 during a planned outage, each retried; none hung.
    expect(answers.answered201).toBe(USERS);
    expect(answers.refused).toEqual([]);
    expect(answers.unplanned5xx).toEqual([]);
  }, 900_000);
});
