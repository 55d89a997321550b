import { adminQuery, createTestEnvironment, eventually, GatewayClient, isRunning, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { readdirSync, readFileSync } from 'node:fs';
import { newUserBody, report, SeededIds, seededIds } from './suite-fixture';

/** The pid of the service process (not the start script) whose environment names this run's identity database. */
function identityPid(environment: TestEnvironment): number | undefined {
  for (const entry of readdirSync('/proc').filter((name) => /^\d+$/.test(name))) {
    try {
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!cmdline.includes('apps/identity/src/main.js')) continue;
      const env = readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0');
      if (env.includes(`IDENTITY_DB=${environment.databases.identity}`)) return Number(entry);
    } catch {
      // A process that ended while being read.
    }
  }
  return undefined;
}

describe('graceful shutdown under load', () => {
  let environment: TestEnvironment;
  const running: SuiteProcess[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({ RPC_TIMEOUT_MS: '2000' });
  });

  afterAll(async () => {
    for (const part of running.reverse()) await part.stop();
    await environment?.dispose();
  });

  it('SIGTERM to identity: it exits by itself, every request is answered 201 or 503 (none left hanging), the supervisor starts it again, and every 201 is one user in identity and in tickets', async () => {
    // The whole suite as `npm start` runs it: its supervisor starts identity again after the exit.
    running.push(await startSuite(environment));
    const api = new GatewayClient(environment.gatewayUrl);
    const admin = await api.login('admin', environment.env.ADMIN_PASSWORD);
    const ids: SeededIds = await seededIds(environment);

    const created: string[] = [];
    const statuses = new Map<string, number>();
    const clientErrors: string[] = [];
    let loading = true;
    const client = async () => {
      while (loading) {
        try {
          const response = await admin.post('/api/users', newUserBody(ids));
          const key = String(response.status);
          statuses.set(key, (statuses.get(key) ?? 0) + 1);
          if (response.status === 201) created.push(response.body.id);
          // A refused request comes back at once; do not spin on a stopped service.
          else await new Promise((r) => setTimeout(r, 50));
        } catch (error) {
          clientErrors.push(String(error));
        }
      }
    };
    const clients = Array.from({ length: 4 }, () => client());

    await eventually(async () => (created.length >= 8 ? true : undefined), 60_000);
    const pid = identityPid(environment);
    expect(pid).toBeDefined();
    const createdBefore = created.length;
    process.kill(pid!, 'SIGTERM');
    // It exits by itself (SHUTDOWN_TIMEOUT_MS bounds the drain); nothing here kills it harder.
    await eventually(async () => (isRunning(pid!) ? undefined : true), 60_000, 50);
    // The supervisor starts it again; the load goes on until the new one has created users too.
    await eventually(async () => (identityPid(environment) !== undefined && identityPid(environment) !== pid ? true : undefined), 60_000);
    const createdAtRestart = created.length;
    await eventually(async () => (created.length >= createdAtRestart + 8 ? true : undefined), 60_000);
    loading = false;
    await Promise.all(clients);
    report(`graceful shutdown: ${JSON.stringify(Object.fromEntries(statuses))} answers, ${createdBefore} created before SIGTERM, ${clientErrors.length} client errors`);

    // Every request got an answer: created, or refused with 503; none failed on the client side.
    expect(clientErrors).toEqual([]);
    expect([...statuses.keys()].sort()).toEqual(expect.arrayContaining(['201']));
    expect([...statuses.keys()].filter((status) => status !== '201' && status !== '503')).toEqual([]);

    // Every 201 is exactly one user in identity, and reaches tickets exactly once.
    expect(new Set(created).size).toBe(created.length);
    const inIdentity = await adminQuery<{ id: string }>(environment.databases.identity, 'SELECT id FROM users WHERE id = ANY($1::uuid[])', [created]);
    expect(inIdentity.length).toBe(created.length);
    await eventually(async () => {
      const [{ count }] = await adminQuery<{ count: string }>(environment.databases.tickets, 'SELECT count(*) FROM ticket_users WHERE id = ANY($1::uuid[])', [created]);
      return Number(count) === created.length ? true : undefined;
    }, 30_000);
    const doubled = await adminQuery(environment.databases.tickets, 'SELECT event_id FROM inbox GROUP BY event_id HAVING count(*) > 1');
    expect(doubled).toEqual([]);
    // Nothing committed was left unpublished.
    await eventually(async () => {
      const [{ count }] = await adminQuery<{ count: string }>(environment.databases.identity, 'SELECT count(*) FROM outbox WHERE published_at IS NULL');
      return Number(count) === 0 ? true : undefined;
    }, 30_000);
    // The stopped process drained and ended on the signal (Nest re-raises it after its hooks), not
    // by a crash (a reply rejected on a closed channel did that) nor cut off by the bound.
    const logs = running[0].logs();
    expect(logs).toContain('SIGTERM: draining');
    expect(logs).toContain(`died (pid ${pid}, signal SIGTERM)`);
    expect(logs).not.toContain('still running');
  });
});
