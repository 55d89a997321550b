import { adminQueryOn, eventually } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { createUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** One sample of Prometheus text: `name{label="value",...} 12`. */
interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

function parsePrometheusText(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})?\s+(\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const [, key, value] of (match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[key] = value;
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

const TOKEN = 'scrape-token-for-this-run';
const SESSION_CACHE_MS = 1000;
const SERVICES = ['gateway', 'identity', 'tickets', 'portal'] as const;
type Service = (typeof SERVICES)[number];

/**
 * Issue 15, "Operations" (DESIGN.md section 10): `/metrics` on every service with the series
 * docs/OPERATIONS.md names, `/health/live` and `/health/ready` (terminus) beside the unchanged
 * `/health`, ready failing on outbox lag and on an unreachable database. The suite runs with a
 * METRICS_TOKEN so that the token check is exercised too.
 */
describe('operations: metrics and health probes on every service', () => {
  let run: RunningSuite;
  let userId: string;
  const portOf = (service: Service) => run.environment.env[{ gateway: 'PORT', identity: 'IDENTITY_PORT', tickets: 'TICKETS_PORT', portal: 'PORTAL_PORT' }[service]];
  const urlOf = (service: Service, path: string) => `http://127.0.0.1:${portOf(service)}${path}`;

  async function scrape(service: Service): Promise<Sample[]> {
    const response = await fetch(urlOf(service, '/metrics'), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect({ service, status: response.status }).toEqual({ service, status: 200 });
    return parsePrometheusText(await response.text());
  }

  /** The sum of the samples of `name` whose labels include `labels`; null when there is none. */
  const total = (samples: Sample[], name: string, labels: Record<string, string> = {}): number | null => {
    const matching = samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v));
    return matching.length ? matching.reduce((sum, s) => sum + s.value, 0) : null;
  };

  async function probe(service: Service, path: string): Promise<{ status: number; body: any }> {
    const response = await fetch(urlOf(service, path));
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    run = await startWholeSuite({ METRICS_TOKEN: TOKEN, SESSION_CACHE_MS: String(SESSION_CACHE_MS) });
    userId = (await createUser(run)).id;
    expect((await run.admin.get(`/api/users/${userId}`)).status).toBe(200);
    expect((await run.admin.get('/api/users/00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect((await run.admin.post(`/api/no-such-route/${userId}`)).status).toBe(404);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it.each(SERVICES)('%s answers /metrics in Prometheus text with the bearer token, 401 without or with a wrong one', async (service) => {
    const open = await fetch(urlOf(service, '/metrics'), { headers: { authorization: `Bearer ${TOKEN}` } });
    expect(open.status).toBe(200);
    expect(open.headers.get('content-type')).toContain('text/plain');
    const samples = parsePrometheusText(await open.text());
    // Node's default metrics, every series labelled with the service.
    expect(total(samples, 'process_cpu_user_seconds_total', { service })).toBeGreaterThan(0);
    expect(total(samples, 'nodejs_heap_size_used_bytes', { service })).toBeGreaterThan(0);
    expect(total(samples, 'bus_connected', { service })).toBe(1);
    for (const authorization of [undefined, 'Bearer wrong-token', TOKEN]) {
      const refused = await fetch(urlOf(service, '/metrics'), { headers: authorization ? { authorization } : {} });
      expect({ authorization, status: refused.status }).toEqual({ authorization, status: 401 });
      expect(await refused.json()).toMatchObject({ statusCode: 401, code: 'NOT_AUTHENTICATED' });
    }
  });

  it('the gateway times HTTP requests by route pattern and status, and RPC calls by pattern and outcome', async () => {
    const samples = await scrape('gateway');
    expect(total(samples, 'http_request_duration_seconds_count', { method: 'POST', route: '/api/users', status: '201' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/users/:id', status: '200' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'http_request_duration_seconds_count', { method: 'GET', route: '/api/users/:id', status: '404' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'http_request_duration_seconds_count', { method: 'POST', route: 'unmatched', status: '404' })).toBeGreaterThanOrEqual(1);
    // The pattern, never the raw URL: no id in any route label.
    expect(samples.filter((s) => s.labels.route?.includes(userId))).toEqual([]);
    expect(total(samples, 'http_request_duration_seconds_sum', { route: '/api/users' })).toBeGreaterThan(0);
    expect(total(samples, 'rpc_client_duration_seconds_count', { service: 'identity', pattern: 'identity.users.create', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'rpc_client_duration_seconds_count', { service: 'identity', pattern: 'identity.users.view', outcome: 'rejected' })).toBeGreaterThanOrEqual(1);
    // Buckets are cumulative: +Inf counts every call.
    expect(total(samples, 'rpc_client_duration_seconds_bucket', { pattern: 'identity.users.create', outcome: 'ok', le: '+Inf' })).toBe(
      total(samples, 'rpc_client_duration_seconds_count', { pattern: 'identity.users.create', outcome: 'ok' }),
    );
  });

  const rpcCalls = (samples: Sample[], pattern: string) => total(samples, 'rpc_client_duration_seconds_count', { pattern }) ?? 0;

  it("asks identity nothing on a session's first request: the login's answer is the session", async () => {
    const before = await scrape('gateway');
    const fresh = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    expect((await fresh.get('/api/me')).status).toBe(200);
    const after = await scrape('gateway');
    expect(rpcCalls(after, 'identity.auth.login') - rpcCalls(before, 'identity.auth.login')).toBe(1);
    expect(rpcCalls(after, 'identity.sessions.get') - rpcCalls(before, 'identity.sessions.get')).toBe(0);
  });

  it('asks identity once for a session and tickets once for a subject when a burst of requests misses the cache together', async () => {
    // Past SESSION_CACHE_MS the session the login left in the cache has expired: every request of the
    // burst misses it, and the tickets subject (never asked for yet), at the same moment.
    const fresh = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    await new Promise((resolve) => setTimeout(resolve, SESSION_CACHE_MS + 100));
    // Connections opened first (keep-alive), so that the burst reaches the gateway at once.
    await Promise.all(Array.from({ length: 24 }, () => fetch(`${run.environment.gatewayUrl}/health`).then((r) => r.text())));
    const before = await scrape('gateway');
    const answers = await Promise.all(Array.from({ length: 24 }, () => fresh.get('/api/tickets')));
    expect(answers.map((a) => a.status)).toEqual(answers.map(() => 200));
    const after = await scrape('gateway');
    expect(rpcCalls(after, 'identity.sessions.get') - rpcCalls(before, 'identity.sessions.get')).toBe(1);
    expect(rpcCalls(after, 'tickets.access.get') - rpcCalls(before, 'tickets.access.get')).toBeLessThanOrEqual(1);
    expect(rpcCalls(after, 'tickets.tickets.list') - rpcCalls(before, 'tickets.tickets.list')).toBe(24);
  });

  it('identity times its RPC handlers, counts the events its relay published, and reports its outbox and pool', async () => {
    const samples = await eventually(async () => {
      const scraped = await scrape('identity');
      return (total(scraped, 'bus_events_published_total', { type: 'identity.user.created', outcome: 'published' }) ?? 0) >= 1 ? scraped : undefined;
    }, 10_000);
    const identity = samples.value;
    expect(total(identity, 'rpc_server_duration_seconds_count', { pattern: 'identity.users.create', outcome: 'ok' })).toBeGreaterThanOrEqual(1);
    expect(total(identity, 'rpc_server_duration_seconds_count', { pattern: 'identity.users.view', outcome: 'rejected' })).toBeGreaterThanOrEqual(1);
    expect(total(identity, 'bus_events_published_total', { outcome: 'failed' }) ?? 0).toBe(0);
    expect(total(identity, 'outbox_events_waiting')).toBeGreaterThanOrEqual(0);
    expect(total(identity, 'outbox_oldest_event_age_seconds')).toBeGreaterThanOrEqual(0);
    expect(total(identity, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(total(identity, 'db_pool_connections', { state: 'max' })).toBe(10);
    expect(total(identity, 'db_pool_waiting_requests')).toBeGreaterThanOrEqual(0);
  });

  it.each(['tickets', 'portal'] as const)('%s counts identity.user.created consumed and applied, with no dead letters waiting', async (service) => {
    const { value: samples } = await eventually(async () => {
      const scraped = await scrape(service);
      return (total(scraped, 'bus_events_consumed_total', { queue: `${service}.events`, type: 'identity.user.created', outcome: 'applied' }) ?? 0) >= 1 ? scraped : undefined;
    }, 10_000);
    expect(total(samples, 'bus_dead_letter_queue_messages', { queue: `${service}.events` })).toBe(0);
    expect(total(samples, 'bus_dead_letters_total') ?? 0).toBe(0);
    expect(total(samples, 'db_pool_connections', { state: 'total' })).toBeGreaterThanOrEqual(1);
    expect(total(samples, 'outbox_events_waiting')).toBeGreaterThanOrEqual(0);
  });

  it.each(SERVICES)('%s answers /health/live and /health/ready 200 with their checks, and /health as before', async (service) => {
    const live = await probe(service, '/health/live');
    expect(live).toMatchObject({ status: 200, body: { status: 'ok', info: { process: { status: 'up' } }, error: {} } });
    const ready = await probe(service, '/health/ready');
    const checks = service === 'gateway' ? ['broker'] : ['broker', 'database', 'outbox'];
    expect({ status: ready.status, overall: ready.body.status, checks: Object.keys(ready.body.info).sort() }).toEqual({ status: 200, overall: 'ok', checks: checks.sort() });
    for (const check of checks) expect(ready.body.info[check].status).toBe('up');
    if (service !== 'gateway') expect(ready.body.info.outbox).toMatchObject({ limitMs: 60_000 });
    const legacy = await probe(service, '/health');
    expect(legacy).toEqual({ status: 200, body: { status: 'ok', checks: service === 'gateway' ? { broker: 'up' } : { broker: 'up', database: 'up' } } });
  });

  it('the gateway serves the probes and metrics outside /api only', async () => {
    for (const path of ['/api/health/live', '/api/health/ready', '/api/metrics']) expect((await run.api.get(path)).status).toBe(404);
  });

  it('identity is not ready while an event waits in its outbox longer than OUTBOX_LAG_READY_MS, and ready again once it is sent', async () => {
    const url = new URL(run.environment.databaseUrl);
    url.pathname = `/${run.environment.databases.identity}`;
    const writer = new Client({ connectionString: url.toString() });
    const holder = new Client({ connectionString: url.toString() });
    await writer.connect();
    await holder.connect();
    try {
      // An event written ten minutes ago, held locked so the relay (FOR UPDATE SKIP LOCKED) passes it
      // by; if the relay took it first, write another.
      let held = false;
      for (let attempt = 0; attempt < 20 && !held; attempt++) {
        const id = randomUUID();
        const envelope = { id, type: 'operations.test.lag', version: 1, occurredAt: new Date().toISOString(), source: 'identity', correlationId: null, data: {} };
        const [{ seq }] = (
          await writer.query(`INSERT INTO outbox (event_id, type, envelope, created_at) VALUES ($1, $2, $3, now() - interval '10 minutes') RETURNING seq`, [
            id,
            envelope.type,
            JSON.stringify(envelope),
          ])
        ).rows;
        await holder.query('BEGIN');
        held = (await holder.query('SELECT seq FROM outbox WHERE seq = $1 AND published_at IS NULL FOR UPDATE SKIP LOCKED', [seq])).rowCount === 1;
        if (!held) await holder.query('ROLLBACK');
      }
      expect(held).toBe(true);
      const lagging = await probe('identity', '/health/ready');
      expect(lagging.status).toBe(503);
      expect(lagging.body).toMatchObject({ status: 'error', error: { outbox: { status: 'down', limitMs: 60_000 } }, info: { broker: { status: 'up' }, database: { status: 'up' } } });
      expect(lagging.body.error.outbox.waiting).toBeGreaterThanOrEqual(1);
      expect(lagging.body.error.outbox.oldestAgeMs).toBeGreaterThan(60_000);
      const samples = await scrape('identity');
      expect(total(samples, 'outbox_events_waiting')).toBeGreaterThanOrEqual(1);
      expect(total(samples, 'outbox_oldest_event_age_seconds')).toBeGreaterThan(60);
      expect((await probe('identity', '/health/live')).status).toBe(200);
      expect((await probe('identity', '/health')).status).toBe(200);
    } finally {
      await holder.query('ROLLBACK').catch(() => undefined);
      await holder.end();
      await writer.end();
    }
    await eventually(async () => ((await probe('identity', '/health/ready')).status === 200 ? true : undefined), 10_000);
  });

  it('tickets is not ready while its database refuses connections (its own test database only), and ready again after', async () => {
    const database = run.environment.databases.tickets;
    const server = run.environment.databaseUrl;
    await adminQueryOn(server, 'postgres', `ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS false`);
    try {
      await adminQueryOn(server, 'postgres', 'SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1', [database]);
      const { value: unready } = await eventually(async () => {
        const answer = await probe('tickets', '/health/ready');
        return answer.status === 503 ? answer : undefined;
      }, 15_000);
      expect(unready.body).toMatchObject({ status: 'error', error: { database: { status: 'down' } }, info: { broker: { status: 'up' } } });
      expect((await probe('tickets', '/health/live')).status).toBe(200);
      // A scrape still answers while the database is away (the gauges that need it are left out).
      const samples = await scrape('tickets');
      expect(total(samples, 'bus_connected')).toBe(1);
      expect((await probe('identity', '/health/ready')).status).toBe(200);
    } finally {
      await adminQueryOn(server, 'postgres', `ALTER DATABASE "${database}" WITH ALLOW_CONNECTIONS true`);
    }
    await eventually(async () => ((await probe('tickets', '/health/ready')).status === 200 ? true : undefined), 15_000);
  });
});
