import { adminQuery, createTestEnvironment, eventually, GatewayClient, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { newUserBody, seededIds } from './suite-fixture';

describe('the portal while tickets is down', () => {
  let environment: TestEnvironment;
  const running: SuiteProcess[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment({ RPC_TIMEOUT_MS: '1000' });
  });

  afterAll(async () => {
    for (const part of running) await part.stop();
    await environment?.dispose();
  });

  it('answers 503 on service tickets and keeps home, payments and modules working', async () => {
    running.push(await startSuite(environment, ['identity', 'portal', 'gateway']));
    const api = new GatewayClient(environment.gatewayUrl);
    const admin = await api.login('admin', environment.env.ADMIN_PASSWORD);
    expect((await admin.post('/api/portal/access-profiles', { name: 'Gold', description: 'Everything.', features: ['SERVICE_TICKETS', 'PAYMENTS', 'MODULES'] })).status).toBe(201);
    const body = newUserBody(await seededIds(environment));
    const created = await admin.post('/api/users', body);
    expect(created.status).toBe(201);
    await eventually(async () => ((await adminQuery(environment.databases.portal, 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [created.body.id])).length ? true : undefined), 5000);
    expect((await admin.put(`/api/portal/users/${created.body.id}/access`, { profile: 'Gold' })).status).toBe(200);
    const user = await api.login(body.username as string, body.password as string);

    for (const response of [await user.get('/api/portal/tickets'), await user.post('/api/portal/tickets', { subject: 'Help' })]) {
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 503, code: 'SERVICE_UNAVAILABLE' });
      expect(response.body.message).toContain('tickets');
    }
    expect((await user.get('/api/portal/home')).status).toBe(200);
    expect((await user.get('/api/portal/modules')).status).toBe(200);
    expect((await user.get('/api/portal/account')).status).toBe(200);
  });
});
