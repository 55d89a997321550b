import { GatewayClient } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { createUser, newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';
import { TicketsSetup, ticketsSetup } from './tickets-fixture';

type Person = { id: string; username: string; client: GatewayClient };

const explainPath = (query: Record<string, string>) => `/api/acl/explain?${new URLSearchParams(query)}`;
const whoCanSeePath = (entity: string, recordId: string) => `/api/acl/who-can-see?${new URLSearchParams({ entity, recordId })}`;

describe('ACL explain and who-can-see through the gateway', () => {
  let run: RunningSuite;
  let tickets: TicketsSetup;
  const units: Record<string, string> = {};
  const people: Record<string, Person> = {};
  let acme: { organizationId: string; unitId: string };

  const unit = async (name: string, parentId: string) => {
    const response = await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId });
    expect(response.status).toBe(201);
    return response.body.id as string;
  };
  const role = async (body: Record<string, unknown>) => {
    const response = await run.admin.post('/api/roles', { capabilities: [], ...body });
    expect({ status: response.status, body: response.status === 201 ? null : response.body }).toEqual({ status: 201, body: null });
    return response.body.id as string;
  };
  const person = async (key: string, unitId: string, roleIds: string[], organizationId = run.ids.organizationId) => {
    const user = await createUser(run, {
      ownerBusinessUnitId: unitId,
      businessUnitIds: [unitId],
      organizationIds: [organizationId],
      roles: roleIds.map((roleId) => ({ roleId, fixed: true })),
    });
    people[key] = { id: user.id, username: user.username, client: await run.api.login(user.username, user.password) };
  };

  beforeAll(async () => {
    run = await startWholeSuite();
    tickets = ticketsSetup(run);
    units.sales = await unit('Sales', run.ids.businessUnitId);
    units.emea = await unit('EMEA', units.sales);
    units.support = await unit('Support', run.ids.businessUnitId);
    const organization = await run.admin.post('/api/organizations', { name: 'Acme' });
    acme = { organizationId: organization.body.id, unitId: organization.body.rootBusinessUnitId };

    // Views users of its division, edits only those of its own units; sees every organization, edits its own.
    const clerk = await role({
      name: 'Clerk',
      permissions: [
        { entity: 'User', action: 'VIEW', level: 'DIVISION' },
        { entity: 'User', action: 'EDIT', level: 'BUSINESS_UNIT' },
        { entity: 'Organization', action: 'VIEW', level: 'GLOBAL' },
        { entity: 'Organization', action: 'EDIT', level: 'ORGANIZATION' },
      ],
    });
    // Read-only: its CREATE grant and its capability never count.
    const auditor = await role({ name: 'Auditor', readOnly: true, permissions: [{ entity: 'User', action: 'CREATE', level: 'GLOBAL' }], capabilities: ['user_management'] });
    // An administrator of its own organization only.
    const orgAdmin = await role({
      name: 'OrgAdmin',
      permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }, { entity: 'BusinessUnit', action: 'VIEW', level: 'ORGANIZATION' }],
      capabilities: ['user_management'],
    });
    await person('clerk', units.sales, [clerk, auditor]);
    await person('emea', units.emea, [clerk]);
    await person('support', units.support, [clerk]);
    await person('acmeAdmin', acme.unitId, [orgAdmin], acme.organizationId);
    await person('nobody', units.support, [auditor]);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a denied action is explained with each role, its level and why', async () => {
    const { clerk } = people;
    const refused = await clerk.client.post('/api/users', newUserBody(run.ids, { roles: [] }));
    expect(refused.body).toMatchObject({ statusCode: 403, details: { missing: { entity: 'User', action: 'CREATE' } } });
    const response = await clerk.client.get(explainPath({ entity: 'User', action: 'CREATE' }));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ entity: 'User', action: 'CREATE', allowed: false, level: 'NONE', winningRoles: [], roleSource: 'identity', recordId: null });
    expect(response.body.roles).toEqual([
      expect.objectContaining({ role: 'Auditor', readOnly: true, granted: 'GLOBAL', level: 'NONE', code: 'READ_ONLY_ROLE' }),
      expect.objectContaining({ role: 'Clerk', readOnly: false, granted: 'NONE', level: 'NONE', code: 'NO_GRANT' }),
    ]);
    expect(response.body.summary).toBe('None of your roles gives CREATE on User, so it is denied.');

    const capability = await clerk.client.get('/api/acl/explain-capability?capability=user_management');
    expect(capability.body).toMatchObject({ capability: 'user_management', allowed: false, state: 'READ_ONLY', grantingRoles: [] });
    expect(capability.body.roles.find((r: { role: string }) => r.role === 'Auditor')).toMatchObject({ grant: 'READ_ONLY', code: 'READ_ONLY_ROLE' });
  });

  it('a record is explained: below your unit for VIEW, out of scope for EDIT naming the units, and another organization', async () => {
    const { clerk, emea } = people;
    const view = await clerk.client.get(explainPath({ entity: 'User', action: 'VIEW', recordId: emea.id }));
    expect(view.body).toMatchObject({ allowed: true, level: 'DIVISION', winningRoles: ['Clerk'], recordId: emea.id });
    expect(view.body.record.reasons.at(-1)).toMatchObject({ code: 'UNIT_BELOW_YOURS', admits: true, ids: { recordBusinessUnitId: units.emea, yourBusinessUnitId: units.sales } });
    expect((await clerk.client.get(`/api/users/${emea.id}`)).status).toBe(200);

    const edit = await clerk.client.get(explainPath({ entity: 'User', action: 'EDIT', recordId: emea.id }));
    expect(edit.body).toMatchObject({ allowed: false, level: 'BUSINESS_UNIT', record: { inScope: false } });
    expect(edit.body.record.reasons.at(-1)).toMatchObject({ code: 'UNIT_NOT_REACHED', admits: false, ids: { recordBusinessUnitIds: [units.emea], yourBusinessUnitIds: [units.sales] } });
    expect(edit.body.summary).toContain(`business unit ${units.emea} is not one of your units (yours: ${units.sales})`);
    expect((await clerk.client.patch(`/api/users/${emea.id}`, { firstName: 'Grace' })).status).toBe(403);

    const otherOrganization = await clerk.client.get(explainPath({ entity: 'Organization', action: 'EDIT', recordId: acme.organizationId }));
    expect(otherOrganization.body).toMatchObject({ allowed: false, level: 'ORGANIZATION' });
    expect(otherOrganization.body.record.reasons).toEqual([
      expect.objectContaining({ code: 'OTHER_ORGANIZATION', admits: false, ids: { recordOrganizationIds: [acme.organizationId], yourOrganizationId: run.ids.organizationId } }),
    ]);
    const ownOrganization = await clerk.client.get(explainPath({ entity: 'Organization', action: 'EDIT', recordId: run.ids.organizationId }));
    expect(ownOrganization.body).toMatchObject({ allowed: true, record: { inScope: true, reasons: [{ code: 'SAME_ORGANIZATION', admits: true }] } });
  });

  it('a record outside the caller’s VIEW scope is a 404, exactly like one that does not exist', async () => {
    const { clerk, support } = people;
    const outside = await clerk.client.get(explainPath({ entity: 'User', action: 'VIEW', recordId: support.id }));
    const missing = await clerk.client.get(explainPath({ entity: 'User', action: 'VIEW', recordId: randomUUID() }));
    expect([outside.status, missing.status]).toEqual([404, 404]);
    expect(outside.body.code).toBe(missing.body.code);
    expect(JSON.stringify(outside.body)).not.toContain(units.support);
  });

  it('who can see a user: exactly the users whose GET of that user succeeds', async () => {
    const target = people.emea;
    const response = await run.admin.get(whoCanSeePath('User', target.id));
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ entity: 'User', recordId: target.id, action: 'VIEW', roleSource: 'identity' });
    const listed = new Map<string, string>(response.body.items.map((item: { username: string; level: string }) => [item.username, item.level]));
    expect(response.body.total).toBe(listed.size);
    expect(Object.fromEntries(listed)).toEqual({ admin: 'GLOBAL', [people.clerk.username]: 'DIVISION', [target.username]: 'DIVISION' });

    const everybody: [string, GatewayClient][] = [['admin', run.admin], ...Object.values(people).map((p): [string, GatewayClient] => [p.username, p.client])];
    for (const [username, client] of everybody) {
      const status = (await client.get(`/api/users/${target.id}`)).status;
      expect({ username, reads: status === 200 }).toEqual({ username, reads: listed.has(username) });
    }
  });

  it('who can see is refused to a caller without user_management and 404 one organization away', async () => {
    const low = await people.clerk.client.get(whoCanSeePath('User', people.emea.id));
    expect(low.status).toBe(403);
    expect(low.body.details).toEqual({ missing: { capability: 'user_management' } });

    const away = await people.acmeAdmin.client.get(whoCanSeePath('User', people.emea.id));
    expect(away.status).toBe(404);
    // In its own organization it works, and names only users of that organization.
    const own = await people.acmeAdmin.client.get(whoCanSeePath('BusinessUnit', acme.unitId));
    expect(own.status).toBe(200);
    expect(own.body.items.map((item: { username: string }) => item.username)).toEqual([people.acmeAdmin.username]);
  });

  it('who can see a ticket: the tickets users whose GET of the ticket succeeds', async () => {
    const ownRole = await tickets.createRole('Own', 'USER');
    const unitRole = await tickets.createRole('Unit', 'BUSINESS_UNIT');
    const author = await tickets.createUser({ ownerBusinessUnitId: units.sales, businessUnitIds: [units.sales], organizationIds: [run.ids.organizationId] });
    const colleague = await tickets.createUser({ ownerBusinessUnitId: units.sales, businessUnitIds: [units.sales], organizationIds: [run.ids.organizationId] });
    const stranger = await tickets.createUser({ ownerBusinessUnitId: units.support, businessUnitIds: [units.support], organizationIds: [run.ids.organizationId] });
    for (const [user, roleId] of [[author, ownRole], [colleague, unitRole], [stranger, unitRole]] as const) {
      await tickets.mirrored(user.id);
      expect((await tickets.assignRoles(user.id, [roleId])).body.status).toBe('ACTIVE');
    }
    const clients = { admin: run.admin, [author.username]: await tickets.login(author), [colleague.username]: await tickets.login(colleague), [stranger.username]: await tickets.login(stranger) };
    const created = await clients[author.username].post('/api/tickets', { type: 'TASK', subject: 'Who sees this?' });
    expect(created.status).toBe(201);

    const explained = await clients[stranger.username].get(explainPath({ entity: 'Ticket', action: 'EDIT' }));
    expect(explained.body).toMatchObject({ roleSource: 'tickets', ticketsStatus: 'ACTIVE', allowed: true, level: 'BUSINESS_UNIT', winningRoles: ['Unit'] });
    expect((await clients[stranger.username].get(explainPath({ entity: 'Ticket', action: 'VIEW', recordId: created.body.id }))).status).toBe(404);
    const mine = await clients[author.username].get(explainPath({ entity: 'Ticket', action: 'VIEW', recordId: created.body.id }));
    expect(mine.body.record.reasons.at(-1)).toMatchObject({ code: 'OWNER_IS_YOU', admits: true });

    const response = await run.admin.get(whoCanSeePath('Ticket', created.body.id));
    expect(response.status).toBe(200);
    const listed = new Map<string, string>(response.body.items.map((item: { username: string; level: string }) => [item.username, item.level]));
    expect(listed.get(author.username)).toBe('USER');
    expect(listed.get(colleague.username)).toBe('BUSINESS_UNIT');
    for (const [username, client] of Object.entries(clients)) {
      const status = (await client.get(`/api/tickets/${created.body.id}`)).status;
      expect({ username, reads: status === 200 }).toEqual({ username, reads: listed.has(username) });
    }
    // The identity users made earlier never became tickets users, so these clients are every candidate.
    expect([...listed.keys()].filter((username) => !(username in clients))).toEqual([]);
  });

  it('every query parameter is checked: 400 for unknown names, bad ids and extra parameters', async () => {
    const client = people.clerk.client;
    const cases: [string, string][] = [
      [explainPath({ entity: 'Spaceship', action: 'VIEW' }), 'entity'],
      [explainPath({ entity: 'User', action: 'FLY' }), 'action'],
      [explainPath({ entity: 'User', action: 'VIEW', recordId: 'not-a-uuid' }), 'recordId'],
      [explainPath({ entity: 'User', action: 'VIEW', extra: '1' }), 'extra'],
      [explainPath({ entity: 'SecurityProfile', action: 'VIEW', recordId: randomUUID() }), 'recordId'],
      [explainPath({ entity: 'User\u0000', action: 'VIEW' }), 'entity'],
      ['/api/acl/explain-capability?capability=fly', 'capability'],
      [whoCanSeePath('Group', randomUUID()), 'entity'],
      [whoCanSeePath('User', 'nope'), 'recordId'],
    ];
    for (const [path, field] of cases) {
      const response = await (path.includes('who-can-see') ? run.admin : client).get(path);
      expect({ path, status: response.status, fields: (response.body.details ?? []).map((d: { field: string }) => d.field) }).toEqual({ path, status: 400, fields: [field] });
    }
    expect((await run.api.get(explainPath({ entity: 'User', action: 'VIEW' }))).status).toBe(401);
  });

  it('the OpenAPI document lists the routes with their query parameters', async () => {
    const document = await run.api.get('/api/docs-json');
    expect(document.status).toBe(200);
    const parameters = (path: string) => document.body.paths[path].get.parameters.map((p: { name: string }) => p.name);
    expect(parameters('/api/acl/explain')).toEqual(['entity', 'action', 'recordId']);
    expect(parameters('/api/acl/who-can-see')).toEqual(['entity', 'recordId']);
    expect(parameters('/api/acl/explain-capability')).toEqual(['capability']);
  });
});
