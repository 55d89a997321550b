import { createTestEnvironment, eventually, GatewayClient, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { newUserBody, report, seededIds } from './suite-fixture';

describe('a service that is down', () => {
  let environment: TestEnvironment;
  const running: SuiteProcess[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({ RPC_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    for (const part of running) await part.stop();
    await environment?.dispose();
  });

  it('gives the caller a 503 naming it within the RPC timeout, and loses none of the events meant for it', async () => {
    running.push(await startSuite(environment, ['identity', 'gateway']));
    const api = new GatewayClient(environment.gatewayUrl);
    const admin = await api.login('admin', environment.env.ADMIN_PASSWORD);

    const started = Date.now();
    const unavailable = await admin.get('/api/tickets/user-security?status=NEW');
    const waitedMs = Date.now() - started;
    expect(unavailable.status).toBe(503);
    expect(unavailable.body).toMatchObject({ statusCode: 503, code: 'SERVICE_UNAVAILABLE' });
    expect(unavailable.body.message).toContain('tickets');
    report(`RPC to a stopped service: 503 after ${waitedMs} ms (RPC_TIMEOUT_MS=1000)`);

    // Identity takes the user while tickets and portal are down; the event waits in their queues.
    const body = newUserBody(await seededIds(environment));
    const created = await admin.post('/api/users', body);
    expect(created.status).toBe(201);

    running.push(await startSuite(environment, ['tickets', 'portal']));
    const mirrored = await eventually(async () => {
      const list = await admin.get('/api/tickets/user-security?status=NEW');
      return list.status === 200 ? list.body.items.find((i: { id: string }) => i.id === created.body.id) : undefined;
    }, 5000);
    expect(mirrored.value.username).toBe(body.username);
    const access = await admin.get(`/api/portal/users/${created.body.id}/access`);
    expect(access.body.profile).toBe('MINIMUM');
  });
});
