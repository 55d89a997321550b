import { adminQuery, eventually } from '@app/testing';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { newUserBody, report, RunningSuite, startWholeSuite } from './suite-fixture';

const run = promisify(execFile);
const rabbitmqctl = (command: string) => run('rabbitmqctl', ['-q', command], { timeout: 60_000 });

const userCount = async (suite: RunningSuite) =>
  Number((await adminQuery<{ n: string }>(suite.environment.databases.identity, 'SELECT count(*) AS n FROM users'))[0].n);

/** Stops and starts the machine's RabbitMQ node: every connection of the suite drops at once. */
describe('a broker restart', () => {
  let suite: RunningSuite;

  beforeAll(async () => {
    suite = await startWholeSuite({ RPC_TIMEOUT_MS: '2000' });
  });

  afterAll(async () => {
    await rabbitmqctl('start_app').catch(() => undefined);
    await suite?.suite.stop();
    await suite?.environment.dispose();
  });

  it('refuses requests with 503 while the broker is down, then every service reconnects and events flow again', async () => {
    const before = await userCount(suite);
    await rabbitmqctl('stop_app');
    try {
      const refused = await suite.admin.post('/api/users', newUserBody(suite.ids));
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('SERVICE_UNAVAILABLE');
      const health = await fetch(`http://127.0.0.1:${suite.environment.env.IDENTITY_PORT}/health`);
      expect(await health.json()).toMatchObject({ status: 'down', checks: { broker: 'down', database: 'up' } });
    } finally {
      await rabbitmqctl('start_app');
    }
    expect(await userCount(suite)).toBe(before);

    const { env } = suite.environment;
    const restarted = Date.now();
    await eventually(async () => {
      const states = await Promise.all(
        [env.PORT, env.IDENTITY_PORT, env.TICKETS_PORT, env.PORTAL_PORT].map(async (port) => (await fetch(`http://127.0.0.1:${port}/health`)).status),
      );
      return states.every((status) => status === 200) ? true : undefined;
    }, 30_000, 200);
    const reconnectedMs = Date.now() - restarted;
    await eventually(async () => ((await suite.admin.get('/api/tickets/user-security?limit=1')).status === 200 ? true : undefined), 15_000, 200);

    const body = newUserBody(suite.ids);
    const created = await suite.admin.post('/api/users', body);
    expect(created.status).toBe(201);
    const mirrored = await eventually(async () => {
      const list = await suite.admin.get('/api/tickets/user-security?status=NEW&limit=500');
      return list.body.items?.find((item: { id: string }) => item.id === created.body.id);
    }, 5000);
    expect(mirrored.value.username).toBe(body.username);
    report(`broker restart: all services healthy again ${reconnectedMs} ms after the broker was back; mirror after ${mirrored.elapsedMs} ms`);
  });
});
