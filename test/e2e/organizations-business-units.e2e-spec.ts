import { adminQuery } from '@app/testing';
import { RunningSuite, startWholeSuite } from './suite-fixture';

describe('organizations and the business-unit tree', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('creates an organization with its root unit, lists, views and renames it', async () => {
    const created = await run.admin.post('/api/organizations', { name: 'Acme' });
    expect(created.status).toBe(201);
    expect(created.body.rootBusinessUnitId).toEqual(expect.any(String));
    const list = await run.admin.get('/api/organizations?limit=10');
    expect(list.body.items.map((o: { name: string }) => o.name)).toEqual(['Acme', 'Main']);
    expect(list.body.total).toBe(2);
    const renamed = await run.admin.patch(`/api/organizations/${created.body.id}`, { name: 'Acme Corp' });
    expect(renamed.body.name).toBe('Acme Corp');
    expect((await run.admin.get(`/api/organizations/${created.body.id}`)).body.name).toBe('Acme Corp');
    const duplicate = await run.admin.post('/api/organizations', { name: 'main' });
    expect(duplicate.status).toBe(400);
    expect(duplicate.body.details[0].field).toBe('name');
  });

  it('builds a tree, moves a branch, and refuses cycles and foreign parents naming parentId', async () => {
    const root = run.ids.businessUnitId;
    const unit = async (name: string, parentId: string) => {
      const response = await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId });
      expect(response.status).toBe(201);
      return response.body.id as string;
    };
    const sales = await unit('Sales', root);
    const emea = await unit('EMEA', sales);
    const berlin = await unit('Berlin', emea);
    const support = await unit('Support', root);

    const tree = await run.admin.get(`/api/business-units?organizationId=${run.ids.organizationId}`);
    expect(tree.body.items.map((u: { name: string; depth: number }) => `${u.depth}:${u.name}`)).toEqual(['0:Main', '1:Sales', '2:EMEA', '3:Berlin', '1:Support']);

    for (const target of [sales, emea, berlin]) {
      const cycle = await run.admin.post(`/api/business-units/${sales}/move`, { parentId: target });
      expect(cycle.status).toBe(400);
      expect(cycle.body.details[0].field).toBe('parentId');
    }
    const foreignRoot = (await run.admin.get('/api/organizations?q=Acme')).body.items[0].rootBusinessUnitId;
    const foreign = await run.admin.post(`/api/business-units/${emea}/move`, { parentId: foreignRoot });
    expect(foreign.status).toBe(400);
    expect(foreign.body.message).toContain('another organization');
    const foreignCreate = await run.admin.post('/api/business-units', { name: 'X', organizationId: run.ids.organizationId, parentId: foreignRoot });
    expect(foreignCreate.body.details[0].field).toBe('parentId');

    const moved = await run.admin.post(`/api/business-units/${emea}/move`, { parentId: support });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ parentId: support, depth: 2 });
    const [row] = await adminQuery(db(), 'SELECT parent_id FROM business_units WHERE id = $1', [berlin]);
    expect(row.parent_id).toBe(emea);
    expect((await run.admin.patch(`/api/business-units/${berlin}`, { name: 'Berlin Mitte' })).body.name).toBe('Berlin Mitte');
  });
});
