import { adminQuery, GatewayClient } from '@app/testing';
import { newUserBody, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

/** `X-API-Key` through the gateway: bound to one organization, replaced on regeneration. */
describe('gateway: API keys', () => {
  let run: RunningSuite;
  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(run.environment.databases.identity, text, params);
  const withKey = (key: string) => (path: string) => fetch(`${run.environment.gatewayUrl}${path}`, { headers: { 'x-api-key': key } });

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a key acts for its user in its one organization only, and stops working when replaced', async () => {
    const [second] = await sql<{ id: string }>("INSERT INTO organizations (name) VALUES ('Second') RETURNING id");
    const [secondUnit] = await sql<{ id: string }>("INSERT INTO business_units (organization_id, name) VALUES ($1, 'Second') RETURNING id", [second.id]);
    const [viewer] = await sql<{ id: string }>(
      `INSERT INTO roles (name, permissions, capabilities) VALUES ('ORG_VIEWER', '[{"entity":"User","action":"VIEW","level":"ORGANIZATION"}]', '[]') RETURNING id`,
    );
    const both = { organizationIds: [run.ids.organizationId, second.id], businessUnitIds: [run.ids.businessUnitId, secondUnit.id] };
    const integration = await run.admin.post('/api/users', newUserBody(run.ids, { ...both, roles: [{ roleId: viewer.id, default: true }] }));
    const onlyMain = await run.admin.post('/api/users', newUserBody(run.ids));
    const onlySecond = await run.admin.post('/api/users', newUserBody(run.ids, { organizationIds: [second.id], businessUnitIds: [secondUnit.id], ownerBusinessUnitId: secondUnit.id }));
    expect([integration.status, onlyMain.status, onlySecond.status]).toEqual([201, 201, 201]);

    const issued = await run.admin.post(`/api/users/${integration.body.id}/api-key`, { organizationId: second.id });
    expect(issued.status).toBe(201);
    const get = withKey(issued.body.apiKey);

    const me = (await (await get('/api/me')).json()) as Record<string, unknown>;
    expect(me).toMatchObject({ id: integration.body.id, organizationId: second.id });
    const list = (await (await get('/api/users?limit=500')).json()) as { items: { id: string }[] };
    expect(list.items.map((u: { id: string }) => u.id)).toContain(onlySecond.body.id);
    expect(list.items.map((u: { id: string }) => u.id)).not.toContain(onlyMain.body.id);
    // A record of the other organization is refused, not just left out.
    expect((await get(`/api/users/${onlyMain.body.id}`)).status).toBe(403);
    expect((await get(`/api/users/${onlySecond.body.id}`)).status).toBe(200);

    const replaced = await run.admin.post(`/api/users/${integration.body.id}/api-key`, { organizationId: second.id });
    expect(replaced.body.apiKey).not.toBe(issued.body.apiKey);
    const old = await get('/api/me');
    expect(old.status).toBe(401);
    expect(await old.json()).toMatchObject({ statusCode: 401, error: 'Unauthorized' });
    expect((await withKey(replaced.body.apiKey)('/api/me')).status).toBe(200);
  });

  it('refuses the key with any one character changed, in its id or its secret, and the key itself still works', async () => {
    const created = await run.admin.post('/api/users', newUserBody(run.ids));
    const { apiKey } = (await run.admin.post(`/api/users/${created.body.id}/api-key`, {})).body as { apiKey: string };
    // crm_<32 hex of the key id>_<43 base64url of the secret>: first, middle and last of each part.
    const [idStart, secretStart] = [4, 4 + 32 + 1];
    const positions = [idStart, idStart + 16, secretStart - 2, secretStart, secretStart + 21, apiKey.length - 1];
    for (const at of positions) {
      const flipped = `${apiKey.slice(0, at)}${apiKey[at] === 'a' ? 'b' : 'a'}${apiKey.slice(at + 1)}`;
      const response = await withKey(flipped)('/api/me');
      expect({ at, status: response.status, body: await response.json() }).toEqual({ at, status: 401, body: expect.objectContaining({ statusCode: 401, error: 'Unauthorized' }) });
    }
    expect((await withKey(apiKey)('/api/me')).status).toBe(200);
  });

  it('refuses a made-up or tampered key with 401 in the error shape', async () => {
    const created = await run.admin.post('/api/users', newUserBody(run.ids));
    const { apiKey } = (await run.admin.post(`/api/users/${created.body.id}/api-key`, {})).body;
    const tampered = `${apiKey.slice(0, -2)}${apiKey.endsWith('AA') ? 'BB' : 'AA'}`;
    for (const key of [tampered, 'crm_00000000000000000000000000000000_nothing', 'not-a-key']) {
      const response = await withKey(key)('/api/me');
      expect({ key, status: response.status }).toEqual({ key, status: 401 });
    }
    // A bearer client without either credential is told what is missing.
    const anonymous = await new GatewayClient(run.environment.gatewayUrl).get('/api/me');
    expect(anonymous.body.message).toContain('X-API-Key');
  });
});
