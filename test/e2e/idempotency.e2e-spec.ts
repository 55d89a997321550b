import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { createUser, newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

describe('idempotent creates: an Idempotency-Key answers a retry with the first answer', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;
  const key = () => `key-${Math.random().toString(36).slice(2)}`;
  const createWith = (client: GatewayClient, body: unknown, idempotencyKey?: string) =>
    client.post('/api/users', body, idempotencyKey === undefined ? {} : { 'idempotency-key': idempotencyKey });
  const usersNamed = async (username: unknown) => (await adminQuery(db(), 'SELECT id FROM users WHERE username = $1', [username])).length;
  const keysOf = async (idempotencyKey: string) => (await adminQuery(db(), 'SELECT caller_id FROM idempotency_keys WHERE key = $1', [idempotencyKey])).length;

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('the same key and body answers the same status and body, and creates one user', async () => {
    const body = newUserBody(run.ids);
    const used = key();
    const first = await createWith(run.admin, body, used);
    const again = await createWith(run.admin, { ...body }, used);
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect(await usersNamed(body.username)).toBe(1);
    expect(await keysOf(used)).toBe(1);
  });

  it('the same key with another body is 409 IDEMPOTENCY_KEY_REUSED and creates nothing', async () => {
    const used = key();
    expect((await createWith(run.admin, newUserBody(run.ids), used)).status).toBe(201);
    const other = newUserBody(run.ids);
    const refused = await createWith(run.admin, other, used);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await usersNamed(other.username)).toBe(0);
  });

  it("another caller's key is its own: the same key creates for each", async () => {
    const other = await createUser(run);
    const otherClient = await run.api.login(other.username, other.password);
    const used = key();
    expect((await createWith(run.admin, newUserBody(run.ids), used)).status).toBe(201);
    const theirs = await createWith(otherClient, newUserBody(run.ids), used);
    expect(theirs.status).toBe(201);
    expect(await keysOf(used)).toBe(2);
  });

  it("an API-key caller is its user: a key used with the user's session answers the API-key retry", async () => {
    const [admin] = await adminQuery(db(), "SELECT id FROM users WHERE username = 'admin'");
    const issued = await run.admin.post(`/api/users/${admin.id}/api-key`, {});
    expect(issued.status).toBe(201);
    const body = newUserBody(run.ids);
    const used = key();
    const first = await createWith(run.admin, body, used);
    const withApiKey = await new GatewayClient(run.api.baseUrl).post('/api/users', body, { 'x-api-key': issued.body.apiKey as string, 'idempotency-key': used });
    expect({ status: withApiKey.status, body: withApiKey.body }).toEqual({ status: first.status, body: first.body });
    expect(await usersNamed(body.username)).toBe(1);
  });

  it('a key used again from a session in another organization is another request: 409, nothing created, nothing of the first answered', async () => {
    const [second] = await adminQuery<{ id: string }>(db(), "INSERT INTO organizations (name) VALUES ('Idempotency Second') RETURNING id");
    const [unit] = await adminQuery<{ id: string }>(db(), "INSERT INTO business_units (organization_id, name) VALUES ($1, 'Idempotency Second') RETURNING id", [second.id]);
    const both = newUserBody(run.ids, { organizationIds: [run.ids.organizationId, second.id], businessUnitIds: [run.ids.businessUnitId, unit.id] });
    expect((await run.admin.post('/api/users', both)).status).toBe(201);
    const inMain = await run.api.login(both.username as string, both.password as string, { organizationId: run.ids.organizationId });
    const inSecond = await run.api.login(both.username as string, both.password as string, { organizationId: second.id });
    const body = newUserBody(run.ids);
    const used = key();
    const first = await createWith(inMain, body, used);
    expect(first.status).toBe(201);
    const elsewhere = await createWith(inSecond, body, used);
    expect({ status: elsewhere.status, code: elsewhere.body.code, id: elsewhere.body.id }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED', id: undefined });
    expect(await usersNamed(body.username)).toBe(1);
    // The first session's retry still gets its first answer.
    const again = await createWith(inMain, body, used);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
  });

  it('without a key a create behaves as before: a second one is refused as taken', async () => {
    const body = newUserBody(run.ids);
    expect((await createWith(run.admin, body)).status).toBe(201);
    const again = await createWith(run.admin, body);
    expect({ status: again.status, code: again.body.code }).toEqual({ status: 400, code: 'VALIDATION_FAILED' });
    expect(again.body.message).toContain('username');
  });

  it('ten requests at once with one key create one user and all answer it', async () => {
    const body = newUserBody(run.ids);
    const used = key();
    const answers = await Promise.all(Array.from({ length: 10 }, () => createWith(run.admin, body, used)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(await usersNamed(body.username)).toBe(1);
    expect(await keysOf(used)).toBe(1);
  });

  it('a create whose reply was lost is answered on retry with the first user, not "username is already taken"', async () => {
    const body = newUserBody(run.ids);
    const used = key();
    const lost = new AbortController();
    const first = fetch(`${run.environment.gatewayUrl}/api/users`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${run.admin.token}`, 'idempotency-key': used },
      body: JSON.stringify(body),
      signal: lost.signal,
    }).catch(() => null);
    const { value: created } = await eventually(async () => (await adminQuery(db(), 'SELECT id FROM users WHERE username = $1', [body.username]))[0], 10_000);
    lost.abort();
    await first;
    const retry = await createWith(run.admin, body, used);
    expect({ status: retry.status, id: retry.body.id }).toEqual({ status: 201, id: created.id });
    expect(await usersNamed(body.username)).toBe(1);
  });

  const tag = () => Math.random().toString(36).slice(2, 8);
  it.each([
    ['/api/organizations', () => ({ name: `Org ${tag()}` }), 'organizations'],
    ['/api/business-units', () => ({ organizationId: run.ids.organizationId, parentId: run.ids.businessUnitId, name: `Unit ${tag()}` }), 'business_units'],
    ['/api/groups', () => ({ organizationId: run.ids.organizationId, name: `Group ${tag()}` }), 'groups'],
    ['/api/roles', () => ({ name: `ROLE_${tag()}`, permissions: [], capabilities: [] }), 'roles'],
    ['/api/security-profiles', () => ({ name: `Profile ${tag()}` }), 'security_profiles'],
    ['/api/tickets/roles', () => ({ name: `TICKET_ROLE_${tag()}`, permissions: [], capabilities: [] }), 'ticket_roles', 'tickets'],
    ['/api/tickets', () => ({ type: 'TASK', subject: `Ticket ${tag()}` }), 'tickets', 'tickets', 'subject'],
    ['/api/tickets/security-profiles', () => ({ name: `Ticket profile ${tag()}`, roleIds: [] }), 'ticket_security_profiles', 'tickets'],
  ])('POST %s with a key answers a retry with the first record, once; another body is 409', async (path, bodyOf, table, database = 'identity', nameColumn = 'name') => {
    const body = bodyOf();
    const used = key();
    const first = await run.admin.post(path, body, { 'idempotency-key': used });
    const again = await run.admin.post(path, body, { 'idempotency-key': used });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect((await adminQuery(run.environment.databases[database as 'identity' | 'tickets'], `SELECT id FROM ${table} WHERE ${nameColumn} = $1`, [(body as Record<string, unknown>)[nameColumn]])).length).toBe(1);
    const other = await run.admin.post(path, bodyOf(), { 'idempotency-key': used });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('POST /api/tickets/:id/comments with a key answers a retry with the first comment, once; another body is 409', async () => {
    const ticket = await run.admin.post('/api/tickets', { type: 'TASK', subject: `Commented ${tag()}` });
    const path = `/api/tickets/${ticket.body.id}/comments`;
    const body = { body: `Comment ${tag()}` };
    const used = key();
    const first = await run.admin.post(path, body, { 'idempotency-key': used });
    const again = await run.admin.post(path, body, { 'idempotency-key': used });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect((await adminQuery(run.environment.databases.tickets, 'SELECT id FROM ticket_comments WHERE body = $1', [body.body])).length).toBe(1);
    const other = await run.admin.post(path, { body: 'another' }, { 'idempotency-key': used });
    expect({ status: other.status, code: other.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
  });

  it('POST /api/exports with a key answers a retry with the first job (202) and starts one export', async () => {
    const used = key();
    const first = await run.admin.post('/api/exports', { entity: 'User' }, { 'idempotency-key': used });
    const again = await run.admin.post('/api/exports', { entity: 'User' }, { 'idempotency-key': used });
    expect(first.status).toBe(202);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    const [admin] = await adminQuery(db(), "SELECT id FROM users WHERE username = 'admin'");
    const [{ jobs }] = await adminQuery(db(), 'SELECT count(*)::int AS jobs FROM export_jobs WHERE requested_by = $1', [admin.id]);
    expect(jobs).toBe(1);
  });

  it('POST /api/portal/tickets with a key answers a retry with the first service request, once', async () => {
    expect((await run.admin.post('/api/portal/access-profiles', { name: 'Requests', description: 'Service tickets.', features: ['SERVICE_TICKETS'] })).status).toBe(201);
    const user = await createUser(run);
    await eventually(async () => ((await adminQuery(run.environment.databases.portal, 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [user.id])).length ? true : undefined), 5000);
    expect((await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'Requests' })).status).toBe(200);
    const client = await run.api.login(user.username, user.password);
    const body = { subject: `Request ${tag()}` };
    const used = key();
    const first = await client.post('/api/portal/tickets', body, { 'idempotency-key': used });
    const again = await client.post('/api/portal/tickets', body, { 'idempotency-key': used });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect((await adminQuery(run.environment.databases.tickets, 'SELECT id FROM tickets WHERE subject = $1', [body.subject])).length).toBe(1);
  });

  it('POST /api/portal/access-profiles with a key answers a retry with the first profile, once', async () => {
    const body = { name: `Keyed-${tag()}`, description: 'Created once.', features: ['PAYMENTS'] };
    const used = key();
    const first = await run.admin.post('/api/portal/access-profiles', body, { 'idempotency-key': used });
    const again = await run.admin.post('/api/portal/access-profiles', body, { 'idempotency-key': used });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect((await adminQuery(run.environment.databases.portal, 'SELECT id FROM portal_access_profiles WHERE name = $1', [body.name])).length).toBe(1);
  });

  it('POST /api/portal/modules/:key with a key answers a retry with the first add and charges once; without one the retry is 409', async () => {
    const portalDb = run.environment.databases.portal;
    const charges = async () => (await adminQuery(portalDb, "SELECT id FROM portal_charges WHERE module_key = 'SALES'")).length;
    expect((await run.admin.post('/api/portal/access-profiles', { name: 'Modules', description: 'Modules.', features: ['MODULES'] })).status).toBe(201);
    const user = await createUser(run);
    await eventually(async () => ((await adminQuery(portalDb, 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [user.id])).length ? true : undefined), 5000);
    expect((await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'Modules' })).status).toBe(200);
    const client = await run.api.login(user.username, user.password);
    const used = key();
    const first = await client.post('/api/portal/modules/SALES', undefined, { 'idempotency-key': used });
    const again = await client.post('/api/portal/modules/SALES', undefined, { 'idempotency-key': used });
    expect(first.status).toBe(201);
    expect({ status: again.status, body: again.body }).toEqual({ status: first.status, body: first.body });
    expect(await charges()).toBe(1);
    const otherModule = await client.post('/api/portal/modules/MARKETING', undefined, { 'idempotency-key': used });
    expect({ status: otherModule.status, code: otherModule.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    const unkeyed = await client.post('/api/portal/modules/SALES');
    expect({ status: unkeyed.status, code: unkeyed.body.code }).toEqual({ status: 409, code: 'MODULE_ALREADY_ADDED' });
  });

  it.each([
    ['empty', ''],
    ['over 255 characters', 'k'.repeat(256)],
    ['not visible ASCII', 'key with spaces'],
  ])('a key that is %s is 400 naming the header, and creates nothing', async (_what, bad) => {
    const body = newUserBody(run.ids);
    const refused = await createWith(run.admin, body, bad);
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 400, code: 'IDEMPOTENCY_KEY_INVALID' });
    expect(refused.body.message).toContain('Idempotency-Key');
    expect(await usersNamed(body.username)).toBe(0);
  });
});
