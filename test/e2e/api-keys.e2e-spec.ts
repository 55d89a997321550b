import { adminQuery, callRpc } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** API keys: issued once, stored as a hash, checked by identity's verify RPC. */
describe('API keys', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '1000' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  const verify = (key: string) => callRpc(run.environment.amqpUrl, 'identity', 'identity.api-keys.verify', { key });

  it('are shown once, stored as a SHA-256 hash, and verify to the user in the key organization', async () => {
    const user = await createUser();
    const issued = await run.admin.post(`/api/users/${user.id}/api-key`, {});
    expect(issued.status).toBe(201);
    expect(issued.body).toMatchObject({ userId: user.id, organizationId: run.ids.organizationId });
    expect(issued.body.apiKey).toMatch(/^crm_[0-9a-f]{32}_[A-Za-z0-9_-]{43}$/);

    const rows = await adminQuery(run.environment.databases.identity, 'SELECT id, key_hash FROM api_keys WHERE user_id = $1', [user.id]);
    expect(rows).toHaveLength(1);
    expect(rows[0].id).toBe(issued.body.keyId);
    expect(rows[0].key_hash).toMatch(/^[0-9a-f]{64}$/);
    const [{ digest }] = await adminQuery(run.environment.databases.identity, `SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS digest`, [issued.body.apiKey]);
    expect(rows[0].key_hash).toBe(digest);
    const anywhere = await adminQuery(run.environment.databases.identity, `SELECT count(*)::int AS n FROM api_keys WHERE key_hash LIKE '%' || $1 || '%'`, [issued.body.apiKey.slice(-43)]);
    expect(anywhere[0].n).toBe(0);

    const session = await verify(issued.body.apiKey);
    expect(session).toMatchObject({
      sessionId: `apikey:${issued.body.keyId}`,
      userId: user.id,
      username: user.username,
      organizationId: run.ids.organizationId,
      activeRoles: ['ADMINISTRATOR'],
      rolesSelected: false,
    });
    expect(session.access.roles.map((r: { name: string }) => r.name)).toEqual(['ADMINISTRATOR']);
    expect(session.access.organizationUnits.map((u: { id: string }) => u.id)).toContain(run.ids.businessUnitId);
  });

  it('generating again replaces the key: the old one stops working', async () => {
    const user = await createUser();
    const first = await run.admin.post(`/api/users/${user.id}/api-key`, { organizationId: run.ids.organizationId });
    const second = await run.admin.post(`/api/users/${user.id}/api-key`, {});
    expect(second.status).toBe(201);
    expect(second.body.apiKey).not.toBe(first.body.apiKey);
    expect(second.body.keyId).not.toBe(first.body.keyId);
    expect(await adminQuery(run.environment.databases.identity, 'SELECT id FROM api_keys WHERE user_id = $1', [user.id])).toEqual([{ id: second.body.keyId }]);
    await expect(verify(first.body.apiKey)).rejects.toMatchObject({ statusCode: 401, code: 'INVALID_API_KEY' });
    await expect(verify(second.body.apiKey)).resolves.toMatchObject({ userId: user.id });
  });

  it('refuses unknown, malformed and tampered keys, and keys of users who may not log in', async () => {
    const user = await createUser();
    const { apiKey } = (await run.admin.post(`/api/users/${user.id}/api-key`, {})).body;
    const tampered = apiKey.slice(0, -2) + (apiKey.endsWith('AA') ? 'BB' : 'AA');
    for (const key of ['nope', `crm_${'0'.repeat(32)}_${'a'.repeat(43)}`, tampered]) {
      await expect(verify(key)).rejects.toMatchObject({ statusCode: 401, code: 'INVALID_API_KEY' });
    }
    expect((await run.admin.post(`/api/users/${user.id}/password-reset`)).status).toBe(200);
    await expect(verify(apiKey)).rejects.toMatchObject({ statusCode: 401 });
  });
});
