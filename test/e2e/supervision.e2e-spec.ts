import { eventually, isRunning } from '@app/testing';
import { readFileSync } from 'node:fs';
import { RunningSuite, startWholeSuite } from './suite-fixture';
import { ticketsSetup } from './tickets-fixture';

/** Every `[service] started (pid N...)` line of the start script, in order. */
function startedPids(run: RunningSuite): Array<{ service: string; pid: number }> {
  return [...run.suite.logs().matchAll(/^\[(\w+)\]\s+started \(pid (\d+)/gm)].map((m) => ({ service: m[1], pid: Number(m[2]) }));
}

const pidsOf = (run: RunningSuite, service: string) => startedPids(run).filter((p) => p.service === service).map((p) => p.pid);

const healthStatus = (port: string) =>
  fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(2000) }).then(
    (r) => r.status,
    () => 0,
  );

describe('npm start supervises the services', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ RPC_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('restarts tickets alone when it is killed, the others staying up; stops every child when asked', async () => {
    const setup = ticketsSetup(run);
    const before = Object.fromEntries(['identity', 'tickets', 'portal', 'gateway'].map((s) => [s, pidsOf(run, s)]));
    for (const pids of Object.values(before)) expect(pids).toHaveLength(1);
    const [ticketsPid] = before.tickets;
    // The pid the script printed is the service: its process carries this run's tickets database.
    expect(readFileSync(`/proc/${ticketsPid}/environ`, 'utf8').split('\0')).toContain(`TICKETS_DB=${run.environment.env.TICKETS_DB}`);

    process.kill(ticketsPid, 'SIGKILL');
    await eventually(async () => (isRunning(ticketsPid) ? undefined : true), 10_000);

    // During the outage the gateway answers, identity takes a user, tickets' routes are refused.
    expect((await run.admin.get('/api/users?limit=1')).status).toBe(200);
    const duringOutage = await setup.createUser();

    await eventually(async () => ((await healthStatus(run.environment.env.TICKETS_PORT)) === 200 ? true : undefined), 60_000, 200);
    const logs = run.suite.logs();
    expect(logs).toMatch(new RegExp(`^\\[tickets\\]\\s+died \\(pid ${ticketsPid}, signal SIGKILL\\) after \\d+ ms; restart attempt 1 in \\d+ ms$`, 'm'));
    const restarted = pidsOf(run, 'tickets');
    expect(restarted).toHaveLength(2);
    expect(restarted[1]).not.toBe(ticketsPid);
    expect(isRunning(restarted[1])).toBe(true);

    // The event published while tickets was down reaches it, a new user too, and tickets serves requests.
    expect((await setup.mirrored(duringOutage.id)).status).toMatch(/^(ACTIVE|NEW)$/);
    const after = await setup.createUser();
    expect((await setup.mirrored(after.id)).status).toMatch(/^(ACTIVE|NEW)$/);
    const ticket = await eventually(async () => {
      const response = await run.admin.post('/api/tickets', { type: 'TASK', subject: 'after the restart' });
      return response.status === 201 ? response : undefined;
    }, 30_000, 200);
    expect(ticket.value.body.subject).toBe('after the restart');

    // Nobody else was restarted.
    for (const service of ['identity', 'portal', 'gateway']) {
      expect(pidsOf(run, service)).toEqual(before[service]);
      expect(isRunning(before[service][0])).toBe(true);
    }

    await run.suite.stop();
    const all = [...before.identity, ...before.portal, ...before.gateway, ...restarted];
    await eventually(async () => (all.some(isRunning) ? undefined : true), 30_000, 100);
    expect(all.filter(isRunning)).toEqual([]);
  });

  describe('no service outlives the start script', () => {
    const services = ['identity', 'tickets', 'portal', 'gateway'];

    /** A suite of its own, what `end` does to its start script, then every service gone and the gateway's port free. */
    const servicesStopAfter = async (end: (suite: RunningSuite) => void) => {
      const own = await startWholeSuite();
      try {
        const pids = services.flatMap((service) => pidsOf(own, service));
        expect(pids).toHaveLength(4);
        end(own);
        await eventually(async () => (pids.some(isRunning) || isRunning(own.suite.pid) ? undefined : true), 30_000, 100);
        expect(await healthStatus(own.environment.env.PORT)).toBe(0);
      } finally {
        await own.suite.stop();
        await own.environment.dispose();
      }
    };

    it('stops every service when the start script is killed outright (SIGKILL: it stops nothing itself)', async () => {
      await servicesStopAfter((own) => process.kill(own.suite.pid, 'SIGKILL'));
    });

    it('stops the suite when whoever started the script goes without stopping it (its channel closes)', async () => {
      await servicesStopAfter((own) => own.suite.abandon());
    });
  });
});
