import { randomUUID } from 'node:crypto';
import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { createUser, RunningSuite, startWholeSuite } from './suite-fixture';

const ALL = ['HELP_GUIDE', 'BLOG', 'LIVE_CHAT', 'SERVICE_TICKETS', 'PAYMENTS', 'MODULES'];

describe('portal account: payments with idempotency keys, the ledger, modules, confined to the organization', () => {
  let run: RunningSuite;
  let main: GatewayClient;
  let acme: GatewayClient;
  let acmeOrganizationId: string;
  const portalDb = () => run.environment.databases.portal;
  const counts = async () =>
    (
      await adminQuery<{ payments: number; charges: number; modules: number; changes: number }>(
        portalDb(),
        `SELECT (SELECT count(*)::int FROM portal_payments) AS payments, (SELECT count(*)::int FROM portal_charges) AS charges,
                (SELECT count(*)::int FROM portal_account_modules) AS modules, (SELECT count(*)::int FROM portal_module_changes) AS changes`,
      )
    )[0];
  /** `key` null: no Idempotency-Key header at all. */
  const pay = (client: GatewayClient, body: unknown, key: string | null) => client.request('POST', '/api/portal/payments', body, key === null ? {} : { 'idempotency-key': key });

  /** A user of the organization with every portal feature. */
  const goldUser = async (overrides: Record<string, unknown> = {}) => {
    const user = await createUser(run, overrides);
    await eventually(async () => ((await adminQuery(portalDb(), 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [user.id])).length ? true : undefined), 5000);
    expect((await run.admin.put(`/api/portal/users/${user.id}/access`, { profile: 'Gold' })).status).toBe(200);
    return run.api.login(user.username, user.password);
  };

  beforeAll(async () => {
    run = await startWholeSuite();
    expect((await run.admin.post('/api/portal/access-profiles', { name: 'Gold', description: 'Everything.', features: ALL })).status).toBe(201);
    const organization = await run.admin.post('/api/organizations', { name: 'Acme' });
    acmeOrganizationId = organization.body.id;
    main = await goldUser();
    const unit = organization.body.rootBusinessUnitId;
    acme = await goldUser({ organizationIds: [acmeOrganizationId], ownerBusinessUnitId: unit, businessUnitIds: [unit] });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('ten requests with one idempotency key sent at once record one payment; the account shows it', async () => {
    const key = randomUUID();
    const body = { amount: 2500, currency: 'EUR', method: 'bank-transfer:ref-1' };
    const answers = await Promise.all(Array.from({ length: 10 }, () => pay(main, body, key)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(201));
    expect(new Set(answers.map((a) => a.body.id)).size).toBe(1);
    expect(answers[0].body).toMatchObject({ amount: 2500, currency: 'EUR', method: 'bank-transfer:ref-1', idempotencyKey: key, organizationId: run.ids.organizationId });
    const rows = await adminQuery(portalDb(), 'SELECT id FROM portal_payments WHERE idempotency_key = $1', [key]);
    expect(rows).toHaveLength(1);

    const events = await adminQuery<{ data: { paymentId: string } }>(portalDb(), `SELECT envelope->'data' AS data FROM outbox WHERE type = 'portal.payment.recorded'`);
    expect(events.filter((e) => e.data.paymentId === answers[0].body.id)).toHaveLength(1);

    const reused = await pay(main, { ...body, amount: 2600 }, key);
    expect({ status: reused.status, code: reused.body.code }).toEqual({ status: 409, code: 'IDEMPOTENCY_KEY_REUSED' });
    expect(await adminQuery(portalDb(), 'SELECT id FROM portal_payments WHERE idempotency_key = $1', [key])).toHaveLength(1);

    const list = await main.get('/api/portal/payments');
    expect(list.status).toBe(200);
    expect(list.body.items.map((p: { id: string }) => p.id)).toContain(answers[0].body.id);
    const account = await main.get('/api/portal/account');
    expect(account.body).toMatchObject({ organizationId: run.ids.organizationId, currency: 'EUR' });
    expect(account.body.payments).toBeGreaterThanOrEqual(2500);
    expect(account.body.balance).toBe(account.body.charges - account.body.payments);
  });

  it('adding a module charges its monthly price and is recorded with who and when; removing it is recorded too', async () => {
    const catalogue = await main.get('/api/portal/modules');
    expect(catalogue.status).toBe(200);
    expect(catalogue.body.total).toBe(catalogue.body.items.length);
    const module = catalogue.body.items.find((m: { key: string }) => m.key === 'SALES');
    expect(module).toMatchObject({ key: 'SALES', name: expect.any(String), description: expect.any(String), monthlyPrice: expect.any(Number), currency: 'EUR', added: false });
    const before = (await main.get('/api/portal/account')).body;
    const added = await main.post('/api/portal/modules/SALES');
    expect(added.status).toBe(201);
    expect(added.body).toMatchObject({ key: 'SALES', added: true });
    const after = (await main.get('/api/portal/account')).body;
    expect(after.charges - before.charges).toBe(module.monthlyPrice);
    expect(after.balance).toBe(after.charges - after.payments);
    expect((await main.get('/api/portal/modules')).body.items.find((m: { key: string }) => m.key === 'SALES').added).toBe(true);

    const removed = await main.delete('/api/portal/modules/SALES');
    expect(removed.status).toBe(200);
    expect(removed.body.added).toBe(false);
    const changes = await adminQuery<{ change: string; actor_id: string; changed_at: Date }>(portalDb(), `SELECT change, actor_id, changed_at FROM portal_module_changes WHERE module_key = 'SALES' AND organization_id = $1 ORDER BY id`, [run.ids.organizationId]);
    expect(changes.map((c) => c.change)).toEqual(['ADDED', 'REMOVED']);
    expect(changes.every((c) => c.actor_id && c.changed_at)).toBe(true);
    const events = await adminQuery<{ type: string }>(portalDb(), `SELECT type FROM outbox WHERE type LIKE 'portal.module.%' AND envelope->'data'->>'moduleKey' = 'SALES' ORDER BY seq`);
    expect(events.map((e) => e.type)).toEqual(['portal.module.added', 'portal.module.removed']);
  });

  it('adding a module needs MODULES: a user of the account without it is refused and nothing is charged', async () => {
    const user = await createUser(run);
    await eventually(async () => ((await adminQuery(portalDb(), 'SELECT 1 FROM portal_user_access WHERE user_id = $1', [user.id])).length ? true : undefined), 5000);
    const client = await run.api.login(user.username, user.password);
    const before = await counts();
    const refused = await client.post('/api/portal/modules/CONTACTS', undefined, { 'idempotency-key': randomUUID() });
    expect({ status: refused.status, code: refused.body.code }).toEqual({ status: 403, code: 'PORTAL_FEATURE_DISABLED' });
    expect(await counts()).toEqual(before);
  });

  it('another organization\'s user sees nothing of this account', async () => {
    expect((await main.post('/api/portal/modules/REPORTS')).status).toBe(201);
    const payment = await pay(main, { amount: 100, currency: 'EUR', method: 'card-ref' }, randomUUID());
    expect(payment.status).toBe(201);
    const payments = await acme.get('/api/portal/payments');
    expect(payments.status).toBe(200);
    expect(payments.body).toEqual({ items: [], total: 0 });
    expect((await acme.get('/api/portal/account')).body).toMatchObject({ organizationId: acmeOrganizationId, charges: 0, payments: 0, balance: 0 });
    expect((await acme.get('/api/portal/modules')).body.items.every((m: { added: boolean }) => !m.added)).toBe(true);
    // The same key in another account is another payment.
    const elsewhere = await pay(acme, { amount: 100, currency: 'EUR', method: 'card-ref' }, payment.body.idempotencyKey);
    expect(elsewhere.status).toBe(201);
    expect(elsewhere.body.id).not.toBe(payment.body.id);
    expect(elsewhere.body.organizationId).toBe(acmeOrganizationId);
  });

  it('bad payments and module changes answer 400/404/409 naming the cause and write nothing', async () => {
    expect((await main.post('/api/portal/modules/MARKETING')).status).toBe(201);
    const before = await counts();
    const good = { amount: 100, currency: 'EUR', method: 'card-ref' };
    const payments: [unknown, string | null, number, string, string?][] = [
      [{ ...good, amount: 0 }, randomUUID(), 400, 'VALIDATION_FAILED', 'amount'],
      [{ ...good, amount: -5 }, randomUUID(), 400, 'VALIDATION_FAILED', 'amount'],
      [{ ...good, amount: 10.5 }, randomUUID(), 400, 'VALIDATION_FAILED', 'amount'],
      [{ ...good, amount: 1e15 }, randomUUID(), 400, 'VALIDATION_FAILED', 'amount'],
      [{ ...good, amount: '100' }, randomUUID(), 400, 'VALIDATION_FAILED', 'amount'],
      [{ ...good, currency: 'XYZ' }, randomUUID(), 400, 'UNKNOWN_CURRENCY', 'currency'],
      [{ ...good, currency: 'eur' }, randomUUID(), 400, 'VALIDATION_FAILED', 'currency'],
      [{ ...good, currency: 'USD' }, randomUUID(), 400, 'CURRENCY_MISMATCH', 'currency'],
      [{ ...good, method: '' }, randomUUID(), 400, 'VALIDATION_FAILED', 'method'],
      [{ ...good, method: 'm'.repeat(101) }, randomUUID(), 400, 'VALIDATION_FAILED', 'method'],
      [{ ...good, extra: 1 }, randomUUID(), 400, 'VALIDATION_FAILED', 'extra'],
      [good, null, 400, 'IDEMPOTENCY_KEY_REQUIRED'],
      [good, '', 400, 'IDEMPOTENCY_KEY_REQUIRED'],
      [good, 'k'.repeat(256), 400, 'IDEMPOTENCY_KEY_INVALID'],
    ];
    for (const [body, key, status, code, field] of payments) {
      const response = await pay(main, body, key);
      expect({ body, key: key?.length, status: response.status, code: response.body.code, field: field && response.body.details?.[0]?.field }).toEqual({ body, key: key?.length, status, code, field });
    }
    const modules: [string, string, number, string][] = [
      ['POST', '/api/portal/modules/TELEPORT', 404, 'MODULE_NOT_FOUND'],
      ['DELETE', '/api/portal/modules/TELEPORT', 404, 'MODULE_NOT_FOUND'],
      ['POST', '/api/portal/modules/MARKETING', 409, 'MODULE_ALREADY_ADDED'],
      ['DELETE', '/api/portal/modules/CONTACTS', 409, 'MODULE_NOT_ADDED'],
      ['POST', '/api/portal/modules/lower', 400, 'VALIDATION_FAILED'],
      ['POST', `/api/portal/modules/${'X'.repeat(65)}`, 400, 'VALIDATION_FAILED'],
    ];
    for (const [method, path, status, code] of modules) {
      const response = await main.request(method, path, method === 'POST' ? {} : undefined);
      expect({ method, path, status: response.status, code: response.body.code }).toEqual({ method, path, status, code });
    }
    expect(await counts()).toEqual(before);
  });
});
