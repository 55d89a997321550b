import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { parse } from 'csv-parse/sync';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

/**
 * Issue 9, exports: a file holds exactly its requester's User VIEW scope at request time, password
 * hashes only for a holder of role_escalate, is readable by its requester only (404 to anyone else),
 * and no cell starts a spreadsheet formula.
 */
describe('security: user exports', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;

  /** Two organizations; in A a root unit and units A1 and A2 below it. */
  const tree = { orgA: '', rootA: '', unitA1: '', unitA2: '', orgB: '', rootB: '' };
  const users: Record<string, Awaited<ReturnType<typeof createUser>>> = {};
  let orgManager: GatewayClient;
  let unitManager: GatewayClient;
  let otherExporter: GatewayClient;

  const FORMULA_NAMES = { firstName: '=HYPERLINK("http://x")', lastName: '+1+2', middleName: '-3', nameSuffix: '@SUM(A1)' };

  const created = async (path: string, body: Record<string, unknown>) => {
    const response = await run.admin.post(path, body);
    expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
    return response.body;
  };
  const memberOf = (organizationId: string, unitId: string, roleId: string, overrides: Record<string, unknown> = {}) =>
    createUser(run, { ownerBusinessUnitId: unitId, organizationIds: [organizationId], businessUnitIds: [unitId], roles: [{ roleId, fixed: true }], ...overrides });

  /** Starts an export as `client`, waits for DONE, and returns the job and the file's records by id. */
  async function exportAs(client: GatewayClient) {
    const started = await client.post('/api/exports', { entity: 'User' });
    expect(started.status).toBe(202);
    const { value: job } = await eventually(async () => {
      const current = await client.get(`/api/exports/${started.body.id}`);
      return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
    }, 30_000);
    expect(job).toMatchObject({ status: 'DONE', error: null });
    const download = await fetch(`${run.environment.gatewayUrl}/api/exports/${job.id}/file`, { headers: { authorization: `Bearer ${client.token}` } });
    expect(download.status).toBe(200);
    const [header, ...records]: string[][] = parse(await download.text(), { record_delimiter: '\r\n' });
    const rows = records.map((record) => Object.fromEntries(header.map((column, i) => [column, record[i]])));
    expect(rows).toHaveLength(job.rowCount);
    return { job, header, rows, byId: new Map(rows.map((row) => [row.id, row])) };
  }

  const idsOf = async (where: string, params: unknown[]) =>
    (await adminQuery<{ id: string }>(db(), `SELECT id FROM users WHERE ${where} ORDER BY id`, params)).map((row) => row.id);

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '1000' });
    const orgA = await created('/api/organizations', { name: 'Export Org A' });
    const orgB = await created('/api/organizations', { name: 'Export Org B' });
    Object.assign(tree, { orgA: orgA.id, rootA: orgA.rootBusinessUnitId, orgB: orgB.id, rootB: orgB.rootBusinessUnitId });
    tree.unitA1 = (await created('/api/business-units', { name: 'A1', organizationId: tree.orgA, parentId: tree.rootA })).id;
    tree.unitA2 = (await created('/api/business-units', { name: 'A2', organizationId: tree.orgA, parentId: tree.rootA })).id;

    const role = async (name: string, level: string, capabilities: string[]) =>
      (await created('/api/roles', { name, permissions: level ? [{ entity: 'User', action: 'VIEW', level }] : [], capabilities })).id as string;
    const orgExporter = await role('ORG_EXPORTER', 'ORGANIZATION', ['export_users']);
    const unitExporter = await role('UNIT_EXPORTER', 'BUSINESS_UNIT', ['export_users']);
    const viewer = await role('ORG_VIEWER', 'ORGANIZATION', []);

    users.orgManager = await memberOf(tree.orgA, tree.rootA, orgExporter);
    users.unitManager = await memberOf(tree.orgA, tree.unitA1, unitExporter);
    users.inA1 = await memberOf(tree.orgA, tree.unitA1, viewer);
    users.inA2 = await memberOf(tree.orgA, tree.unitA2, viewer, FORMULA_NAMES);
    users.inB = await memberOf(tree.orgB, tree.rootB, viewer);
    users.otherExporter = await memberOf(tree.orgB, tree.rootB, orgExporter);
    orgManager = await run.api.login(users.orgManager.username, users.orgManager.password);
    unitManager = await run.api.login(users.unitManager.username, users.unitManager.password);
    otherExporter = await run.api.login(users.otherExporter.username, users.otherExporter.password);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("an organization manager's export holds exactly their organization's users, without hashes", async () => {
    const { rows, byId } = await exportAs(orgManager);
    expect([...byId.keys()].sort()).toEqual(await idsOf('$1::uuid = ANY(organization_ids)', [tree.orgA]));
    expect(byId.has(users.inB.id)).toBe(false);
    expect(rows.map((row) => row.passwordHash)).toEqual(rows.map(() => ''));
  });

  it('takes no say on hashes from the client: the gateway decides them from the session', async () => {
    const asked = await orgManager.post('/api/exports', { entity: 'User', includePasswordHashes: true });
    expect(asked.status).toBe(400);
    expect(asked.body.details).toEqual([expect.objectContaining({ field: 'includePasswordHashes' })]);
  });

  it("a unit-level manager's export holds only the users their unit owns", async () => {
    const { rows, byId } = await exportAs(unitManager);
    expect([...byId.keys()].sort()).toEqual([users.unitManager.id, users.inA1.id].sort());
    expect(rows.map((row) => row.passwordHash)).toEqual(['', '']);
  });

  it("the administrator's export holds every user with their password hash", async () => {
    const { byId } = await exportAs(run.admin);
    const stored = await adminQuery<{ id: string; password_hash: string }>(db(), 'SELECT id, password_hash FROM users ORDER BY id');
    expect([...byId.keys()].sort()).toEqual(stored.map((row) => row.id));
    for (const { id, password_hash } of stored) expect(byId.get(id)!.passwordHash).toBe(password_hash);
    expect(byId.get(users.orgManager.id)!.passwordHash).toMatch(/^\$argon2id\$/);
  });

  it('keeps a job and its file from any other holder of export_users, as if it did not exist', async () => {
    const { job } = await exportAs(orgManager);
    const unknown = '00000000-0000-4000-8000-000000000000';
    for (const suffix of ['', '/file']) {
      const other = await otherExporter.get(`/api/exports/${job.id}${suffix}`);
      const missing = await otherExporter.get(`/api/exports/${unknown}${suffix}`);
      expect(other.status).toBe(404);
      expect(JSON.stringify(other.body).replaceAll(job.id, unknown)).toBe(JSON.stringify(missing.body));
      expect(JSON.stringify(other.body)).not.toContain('passwordHash');
      // The same holds for the administrator: an export is its requester's alone.
      expect((await run.admin.get(`/api/exports/${job.id}${suffix}`)).status).toBe(404);
    }
    expect((await orgManager.get(`/api/exports/${job.id}/file`)).status).toBe(200);
  });

  it('refuses export_users without User VIEW, naming what is missing', async () => {
    const bare = (await created('/api/roles', { name: 'EXPORT_ONLY', permissions: [], capabilities: ['export_users'] })).id;
    const user = await memberOf(tree.orgA, tree.rootA, bare);
    const client = await run.api.login(user.username, user.password);
    const refused = await client.post('/api/exports', { entity: 'User' });
    expect(refused.status).toBe(403);
    expect(refused.body).toMatchObject({ code: 'ACCESS_DENIED', details: { missing: { entity: 'User', action: 'VIEW' } } });
    expect(refused.body.message).toContain('VIEW on User');
    const [{ n }] = await adminQuery<{ n: number }>(db(), 'SELECT count(*)::int AS n FROM export_jobs WHERE requested_by = $1', [user.id]);
    expect(n).toBe(0);
  });

  it('writes no cell that a spreadsheet would read as a formula', async () => {
    const { rows, byId } = await exportAs(orgManager);
    expect(byId.get(users.inA2.id)).toMatchObject({
      firstName: `'=HYPERLINK("http://x")`,
      lastName: "'+1+2",
      middleName: "'-3",
      nameSuffix: "'@SUM(A1)",
    });
    for (const cell of rows.flatMap((row) => Object.values(row))) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
  });
});
