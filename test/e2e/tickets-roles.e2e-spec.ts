import { adminQuery, eventually, GatewayClient } from '@app/testing';
import { randomUUID } from 'node:crypto';
import { RunningSuite, startWholeSuite } from './suite-fixture';
import { TicketsSetup, ticketsSetup } from './tickets-fixture';

type User = { id: string; username: string; password: string };

const LEVELS = ['USER', 'BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION'] as const;

/** A tickets role body: the given level per entity and action, nothing else. */
const roleBody = (name: string, grants: [string, string, string][], capabilities: string[] = []) => ({
  name,
  permissions: grants.map(([entity, action, level]) => ({ entity, action, level })),
  capabilities,
});

/**
 * Issue 10: ticket entities are governed by tickets' own security roles alone, enforced by the
 * gateway (TICKETS_ACCESS_NOT_ACTIVE, the tickets subject's scope) and checked again by tickets.
 */
describe('tickets: the gateway enforces tickets roles', () => {
  let run: RunningSuite;
  let setup: TicketsSetup;
  /** An ordinary CRM role: User VIEW in the user's unit, no ticket grant (identity has none anymore). */
  let crmRoleId: string;
  const ticketsDb = () => run.environment.databases.tickets;
  const ok = (response: { status: number; body: unknown }, status: number) =>
    expect({ status: response.status, body: response.status === status ? null : response.body }).toEqual({ status, body: null });

  const createRole = async (body: object): Promise<string> => {
    const response = await run.admin.post('/api/tickets/roles', body);
    ok(response, 201);
    return response.body.id;
  };
  /** A CRM user with the ordinary role (and the given overrides), mirrored by tickets, logged in. */
  const person = async (overrides: Record<string, unknown> = {}, ticketRoleIds: string[] = []): Promise<User & { client: GatewayClient }> => {
    const user = await setup.createUser({ roles: [{ roleId: crmRoleId, default: true }], ...overrides });
    await setup.mirrored(user.id);
    if (ticketRoleIds.length) expect((await setup.assignRoles(user.id, ticketRoleIds)).body.status).toBe('ACTIVE');
    return { ...user, client: await setup.login(user) };
  };
  const notActive = (response: { status: number; body: { code?: string } }) => expect({ status: response.status, code: response.body.code }).toEqual({ status: 403, code: 'TICKETS_ACCESS_NOT_ACTIVE' });
  const ticketsSnapshot = () =>
    adminQuery(
      ticketsDb(),
      `SELECT (SELECT md5(coalesce(string_agg(concat_ws('/', id, owner_id, business_unit_id, deleted_at), ',' ORDER BY id), '')) FROM tickets) AS tickets,
              (SELECT count(*)::int FROM ticket_history) AS history, (SELECT count(*)::int FROM ticket_comments) AS comments,
              (SELECT count(*)::int FROM ticket_roles) AS roles, (SELECT md5(coalesce(string_agg(concat_ws('/', user_id, role_id), ',' ORDER BY user_id, role_id), '')) FROM ticket_user_roles) AS held,
              (SELECT md5(coalesce(string_agg(concat_ws('/', profile_id, role_id), ',' ORDER BY profile_id, role_id), '')) FROM ticket_security_profile_roles) AS profiles`,
    );

  beforeAll(async () => {
    run = await startWholeSuite();
    setup = ticketsSetup(run);
    const crm = await run.admin.post('/api/roles', { name: 'User viewer', permissions: [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] });
    ok(crm, 201);
    crmRoleId = crm.body.id;
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it("the issue's flow: a matching profile with Ticket VIEW and CREATE opens POST /api/tickets to a user whose CRM role has no ticket grant", async () => {
    const roleId = await createRole(roleBody('Agent', [['Ticket', 'VIEW', 'ORGANIZATION'], ['Ticket', 'CREATE', 'ORGANIZATION']]));
    await setup.createTicketsProfile('Support Agents', [roleId]);
    await setup.createCrmProfile('Support Agents');
    const user = await setup.createUser({ roles: [{ roleId: crmRoleId, default: true }], securityProfiles: ['Support Agents'] });
    await eventually(async () => ((await setup.statusOf(user.id)) === 'ACTIVE' ? true : undefined), 5000);
    const client = await setup.login(user);
    const created = await client.post('/api/tickets', { type: 'CUSTOMER_ISSUE', subject: 'Printer on fire' });
    ok(created, 201);
    expect(created.body).toMatchObject({ status: 'NEW', ownerId: user.id });
    // EDIT is not in the tickets role: refused by the gateway, naming the tickets roles.
    const edit = await client.patch(`/api/tickets/${created.body.id}`, { subject: 'x' });
    expect(edit.status).toBe(403);
    expect(edit.body.message).toContain('EDIT on Ticket (tickets roles)');

    const permissions = (await client.get('/api/me/permissions')).body;
    const stateOf = (entity: string) => permissions.entities.find((e: { entity: string }) => e.entity === entity);
    expect(stateOf('Ticket')).toMatchObject({ source: 'tickets', state: 'ENABLED', levels: { VIEW: 'ORGANIZATION', CREATE: 'ORGANIZATION', EDIT: 'NONE' } });
    expect(stateOf('TicketComment')).toMatchObject({ source: 'tickets', state: 'DISABLED' });
    expect(stateOf('User')).toMatchObject({ source: 'identity', state: 'READ_ONLY' });
    expect(permissions.tickets).toMatchObject({ status: 'ACTIVE', enabled: true, usable: true });
  });

  it('a NEW user gets TICKETS_ACCESS_NOT_ACTIVE on every ticket route, and its overview says NEW', async () => {
    const user = await person();
    const id = randomUUID();
    for (const response of [
      await user.client.post('/api/tickets', { type: 'TASK', subject: 'nope' }),
      await user.client.get('/api/tickets'),
      await user.client.get(`/api/tickets/${id}`),
      await user.client.get(`/api/tickets/${id}/comments`),
      await user.client.delete(`/api/tickets/${id}`),
      await user.client.post(`/api/tickets/${id}/assign-owner`, { ownerId: user.id }),
    ]) {
      notActive(response);
    }
    const permissions = (await user.client.get('/api/me/permissions')).body;
    expect(permissions.tickets).toMatchObject({ status: 'NEW', usable: false });
    expect(permissions.entities.filter((e: { source: string }) => e.source === 'tickets').every((e: { state: string }) => e.state === 'DISABLED')).toBe(true);
  });

  it('CRM roles alone never open tickets: not ADMINISTRATOR, and identity roles cannot hold ticket grants', async () => {
    const user = await person({ roles: [{ roleId: run.ids.administratorRoleId, default: true }] });
    notActive(await user.client.get('/api/tickets'));
    notActive(await user.client.post('/api/tickets', { type: 'TASK', subject: 'with every CRM grant' }));
    const refused = await run.admin.post('/api/roles', { name: 'Ticket CRM', permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'GLOBAL' }], capabilities: [] });
    expect(refused.status).toBe(400);
    expect(refused.body.details).toEqual([{ field: 'permissions.0.entity', messages: [expect.stringContaining('governed by tickets security roles')] }]);
    const [stored] = await adminQuery<{ count: number }>(
      run.environment.databases.identity,
      "SELECT count(*)::int AS count FROM roles, jsonb_array_elements(permissions) p WHERE p->>'entity' LIKE 'Ticket%'",
    );
    expect(stored.count).toBe(0);
  });

  it('roles given in User Security open tickets on the same token within 1 s; removing the last one closes them', async () => {
    const roleId = await createRole(roleBody('Viewer', [['Ticket', 'VIEW', 'ORGANIZATION']]));
    const user = await person();
    // The gateway caches the refusal; the assignment's event must drop it.
    notActive(await user.client.get('/api/tickets'));
    expect((await setup.assignRoles(user.id, [roleId])).status).toBe(200);
    await eventually(async () => ((await user.client.get('/api/tickets')).status === 200 ? true : undefined), 1000);
    expect((await user.client.get('/api/me/permissions')).body.tickets.status).toBe('ACTIVE');
    expect((await setup.assignRoles(user.id, [])).body.status).toBe('NEW');
    await eventually(async () => {
      const [list, overview] = [await user.client.get('/api/tickets'), await user.client.get('/api/me/permissions')];
      return list.body.code === 'TICKETS_ACCESS_NOT_ACTIVE' && overview.body.tickets.status === 'NEW' ? true : undefined;
    }, 1000);
  });

  it('a changed tickets role definition reaches open sessions: a permission taken away is refused by the gateway', async () => {
    const roleId = await createRole(roleBody('Changing', [['Ticket', 'VIEW', 'ORGANIZATION'], ['Ticket', 'CREATE', 'ORGANIZATION']]));
    const user = await person({}, [roleId]);
    ok(await user.client.post('/api/tickets', { type: 'TASK', subject: 'before the change' }), 201);
    ok(await run.admin.put(`/api/tickets/roles/${roleId}`, roleBody('Changing', [['Ticket', 'VIEW', 'ORGANIZATION']])), 200);
    await eventually(async () => {
      const permissions = (await user.client.get('/api/me/permissions')).body;
      return permissions.entities.find((e: { entity: string }) => e.entity === 'Ticket').levels.CREATE === 'NONE' ? true : undefined;
    }, 1000);
    const refused = await user.client.post('/api/tickets', { type: 'TASK', subject: 'after the change' });
    expect(refused.status).toBe(403);
    expect(refused.body.message).toContain('CREATE on Ticket');
  });

  it('a tickets role with VIEW at USER level sees only the own tickets, in the list and the total', async () => {
    const own = await createRole(roleBody('Own tickets', [['Ticket', 'VIEW', 'USER'], ['Ticket', 'CREATE', 'USER']]));
    const [alice, bob] = [await person({}, [own]), await person({}, [own])];
    const tag = `own${Date.now()}`;
    const mine: string[] = [];
    for (let i = 0; i < 2; i++) mine.push((await alice.client.post('/api/tickets', { type: 'TASK', subject: `${tag} alice ${i}` })).body.id);
    ok(await bob.client.post('/api/tickets', { type: 'TASK', subject: `${tag} bob` }), 201);
    ok(await run.admin.post('/api/tickets', { type: 'TASK', subject: `${tag} admin` }), 201);
    const list = await alice.client.get(`/api/tickets?q=${tag}&limit=100`);
    expect({ ids: list.body.items.map((t: { id: string }) => t.id).sort(), total: list.body.total }).toEqual({ ids: mine.sort(), total: 2 });
    expect((await alice.client.get(`/api/tickets?q=${tag}&limit=1`)).body).toMatchObject({ total: 2, items: [expect.anything()] });
    expect((await run.admin.get(`/api/tickets?q=${tag}`)).body.total).toBe(4);
  });

  describe('ASSIGN and DELETE at each level', () => {
    const units: Record<string, string> = {};
    const peers: Record<string, User & { client: GatewayClient }> = {};
    let acme: User & { client: GatewayClient };
    let acmeTicket: string;
    let newbie: User;
    /** Per level: an actor in Sales with VIEW at ORGANIZATION and ASSIGN, DELETE at that level. */
    const actors: Record<string, User & { client: GatewayClient }> = {};
    const ticketOf = async (key: string, subject: string) => {
      const response = await peers[key].client.post('/api/tickets', { type: 'TASK', subject });
      ok(response, 201);
      return response.body.id as string;
    };

    beforeAll(async () => {
      const unit = async (name: string, parentId: string) => {
        const response = await run.admin.post('/api/business-units', { name, organizationId: run.ids.organizationId, parentId });
        ok(response, 201);
        return response.body.id as string;
      };
      units.sales = await unit('Sales', run.ids.businessUnitId);
      units.emea = await unit('EMEA', units.sales);
      units.support = await unit('Support', run.ids.businessUnitId);
      const organization = await run.admin.post('/api/organizations', { name: 'Acme' });
      const acmeUnit = organization.body.rootBusinessUnitId;
      await eventually(async () => {
        const [row] = await adminQuery<{ count: number }>(ticketsDb(), 'SELECT count(*)::int AS count FROM ticket_business_units');
        return row.count === 5 ? true : undefined;
      }, 5000);
      const peerRole = await createRole(roleBody('Peer', [['Ticket', 'VIEW', 'USER'], ['Ticket', 'CREATE', 'USER']]));
      const at = (unitId: string) => ({ ownerBusinessUnitId: unitId, businessUnitIds: [unitId] });
      peers.sales = await person(at(units.sales), [peerRole]);
      peers.emea = await person(at(units.emea), [peerRole]);
      peers.support = await person(at(units.support), [peerRole]);
      const acmeRole = await createRole(roleBody('Acme all', ['VIEW', 'CREATE', 'ASSIGN', 'DELETE'].map((a) => ['Ticket', a, 'ORGANIZATION'] as [string, string, string])));
      acme = await person({ organizationIds: [organization.body.id], ...at(acmeUnit) }, [acmeRole]);
      acmeTicket = (await acme.client.post('/api/tickets', { type: 'TASK', subject: 'acme' })).body.id;
      newbie = await person(at(units.sales));
      for (const level of LEVELS) {
        const role = await createRole(
          roleBody(`Manage ${level}`, [
            ['Ticket', 'VIEW', 'ORGANIZATION'],
            ['Ticket', 'CREATE', 'USER'],
            ['Ticket', 'ASSIGN', level],
            ['Ticket', 'DELETE', level],
            ['TicketComment', 'VIEW', 'ORGANIZATION'],
            ['TicketComment', 'CREATE', 'USER'],
            ['TicketComment', 'DELETE', level],
          ]),
        );
        actors[level] = await person(at(units.sales), [role]);
      }
    });

    /** For each level: a ticket owner the level reaches and one it does not (one level up). */
    const reach: Record<(typeof LEVELS)[number], { within: () => string; beyond: () => string }> = {
      USER: { within: () => 'self', beyond: () => 'sales' },
      BUSINESS_UNIT: { within: () => 'sales', beyond: () => 'emea' },
      DIVISION: { within: () => 'emea', beyond: () => 'support' },
      ORGANIZATION: { within: () => 'support', beyond: () => 'acme' },
    };
    const ownerTicket = async (level: (typeof LEVELS)[number], who: string, subject: string): Promise<string> => {
      if (who === 'self') return (await actors[level].client.post('/api/tickets', { type: 'TASK', subject })).body.id;
      if (who === 'acme') return acmeTicket;
      return ticketOf(who, subject);
    };

    it.each(LEVELS)('DELETE at %s: a ticket within the level goes (history kept), one level beyond is refused with nothing written', async (level) => {
      const actor = actors[level];
      const within = await ownerTicket(level, reach[level].within(), `delete within ${level}`);
      const beyond = await ownerTicket(level, reach[level].beyond(), `delete beyond ${level}`);
      const before = await ticketsSnapshot();
      const refused = await actor.client.delete(`/api/tickets/${beyond}`);
      // Another organization's ticket is not even visible: 404; a visible one beyond the level: 403.
      expect(refused.status).toBe(level === 'ORGANIZATION' ? 404 : 403);
      expect(await ticketsSnapshot()).toEqual(before);
      const deleted = await actor.client.delete(`/api/tickets/${within}`);
      expect({ status: deleted.status, body: deleted.body }).toEqual({ status: 200, body: { id: within, deleted: true } });
      expect((await actor.client.get(`/api/tickets/${within}`)).status).toBe(404);
      expect((await run.admin.get(`/api/tickets?q=${encodeURIComponent(`delete within ${level}`)}`)).body.total).toBe(0);
      const [entry] = await adminQuery<{ actor_id: string; old_value: unknown; new_value: unknown }>(ticketsDb(), "SELECT actor_id, old_value, new_value FROM ticket_history WHERE ticket_id = $1 AND field = 'deleted'", [within]);
      expect(entry).toEqual({ actor_id: actor.id, old_value: false, new_value: true });
      expect((await actor.client.delete(`/api/tickets/${within}`)).status).toBe(404);
    });

    it.each(LEVELS)('ASSIGN at %s: ASSIGN must reach the old and the new owner; refusals write nothing', async (level) => {
      const actor = actors[level];
      const before = async () => ticketsSnapshot();
      const refuse = async (ticketId: string, ownerId: string, status: number) => {
        const snapshot = await before();
        const response = await actor.client.post(`/api/tickets/${ticketId}/assign-owner`, { ownerId });
        expect({ level, ownerId, status: response.status }).toEqual({ level, ownerId, status });
        expect(await ticketsSnapshot()).toEqual(snapshot);
        return response;
      };
      const withinOwner = reach[level].within();
      const beyondOwner = reach[level].beyond();
      const idOf = (who: string) => (who === 'self' ? actor.id : who === 'acme' ? acme.id : peers[who].id);
      const ticket = await ownerTicket(level, withinOwner, `assign ${level}`);
      // The new owner one level beyond: 403, or 400 for another organization's user (no ACTIVE tickets user of this one).
      const away = await refuse(ticket, idOf(beyondOwner), level === 'ORGANIZATION' ? 400 : 403);
      if (level === 'ORGANIZATION') expect(away.body.message).toContain('belongs to another organization');
      // A NEW user is no owner.
      expect((await refuse(ticket, newbie.id, 400)).body.details[0].field).toBe('ownerId');
      if (level !== 'ORGANIZATION') {
        // The ticket one level beyond cannot be given away, not even to the actor.
        const far = await ownerTicket(level, beyondOwner, `assign far ${level}`);
        await refuse(far, actor.id, 403);
      } else {
        // Another organization's ticket is not visible: 404.
        await refuse(acmeTicket, actor.id, 404);
      }
      if (level === 'USER') return; // USER reaches only the actor's own tickets: nobody to give them to.
      const assigned = await actor.client.post(`/api/tickets/${ticket}/assign-owner`, { ownerId: actor.id });
      expect(assigned.status).toBe(200);
      expect(assigned.body).toMatchObject({ ownerId: actor.id, businessUnitId: units.sales });
      const history = (await actor.client.get(`/api/tickets/${ticket}/history?limit=100`)).body.items.map((e: any) => [e.field, e.oldValue, e.newValue, e.actorId]);
      expect(history).toContainEqual(['ownerId', idOf(withinOwner), actor.id, actor.id]);
    });

    it('DELETE of comments: the own at USER level, another one refused; the ticket history names the deleted comment', async () => {
      const actor = actors.USER;
      const ticket = await ticketOf('sales', 'comment deletions');
      const own = (await actor.client.post(`/api/tickets/${ticket}/comments`, { body: 'mine' })).body.id;
      const other = (await actors.ORGANIZATION.client.post(`/api/tickets/${ticket}/comments`, { body: 'theirs' })).body.id;
      const before = await ticketsSnapshot();
      expect((await actor.client.delete(`/api/tickets/${ticket}/comments/${other}`)).status).toBe(403);
      expect((await actor.client.delete(`/api/tickets/${ticket}/comments/${randomUUID()}`)).status).toBe(404);
      expect(await ticketsSnapshot()).toEqual(before);
      ok(await actor.client.delete(`/api/tickets/${ticket}/comments/${own}`), 200);
      expect((await actor.client.get(`/api/tickets/${ticket}/comments`)).body.items.map((c: { id: string }) => c.id)).toEqual([other]);
      const history = (await run.admin.get(`/api/tickets/${ticket}/history?limit=100`)).body.items;
      expect(history).toContainEqual(expect.objectContaining({ field: 'comment', actorId: actor.id, oldValue: { id: own, authorId: actor.id, internal: false }, newValue: null }));
    });

    it('refuses bad ids and bodies with 400 naming the field', async () => {
      const actor = actors.ORGANIZATION;
      const ticket = await ticketOf('support', 'bad input');
      for (const [response, field] of [
        [await actor.client.post(`/api/tickets/${ticket}/assign-owner`, { ownerId: 'me' }), 'ownerId'],
        [await actor.client.post(`/api/tickets/${ticket}/assign-owner`, {}), 'ownerId'],
        [await actor.client.post(`/api/tickets/not-a-uuid/assign-owner`, { ownerId: actor.id }), 'id'],
        [await actor.client.delete('/api/tickets/not-a-uuid'), 'id'],
        [await actor.client.delete(`/api/tickets/${ticket}/comments/x`), 'commentId'],
        // The owner changes only through assign-owner (ASSIGN), never in a PATCH (EDIT).
        [await run.admin.patch(`/api/tickets/${ticket}`, { ownerId: actor.id }), 'ownerId'],
      ] as const) {
        expect({ field, status: response.status, body: response.body }).toEqual({ field, status: 400, body: expect.objectContaining({ details: expect.arrayContaining([expect.objectContaining({ field })]) }) });
      }
    });
  });

  describe('no one grants more than they hold, inside tickets', () => {
    let lead: User & { client: GatewayClient };
    let leadRole: string;
    let administratorRole: string;

    beforeAll(async () => {
      // An identity role with ticket_user_security but without role_escalate, and a modest tickets role.
      const crm = await run.admin.post('/api/roles', { name: 'Tickets admins', permissions: [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }], capabilities: ['ticket_user_security'] });
      ok(crm, 201);
      leadRole = await createRole(roleBody('Lead', [['Ticket', 'VIEW', 'BUSINESS_UNIT'], ['Ticket', 'CREATE', 'BUSINESS_UNIT']]));
      lead = await person({ roles: [{ roleId: crm.body.id, default: true }] }, [leadRole]);
      administratorRole = (await run.admin.get('/api/tickets/roles?q=TICKETS_ADMINISTRATOR')).body.items[0].id;
    });

    it('creates and edits only tickets roles its own tickets roles cover', async () => {
      const before = await ticketsSnapshot();
      const beyond = await lead.client.post('/api/tickets/roles', roleBody('Too much', [['Ticket', 'VIEW', 'ORGANIZATION']]));
      expect(beyond.status).toBe(403);
      expect(beyond.body.code).toBe('ESCALATION_DENIED');
      expect(beyond.body.message).toContain('VIEW on Ticket at ORGANIZATION (you hold BUSINESS_UNIT)');
      const capability = await lead.client.post('/api/tickets/roles', roleBody('Internal', [], ['ticket_internal_comments']));
      expect(capability.body.code).toBe('ESCALATION_DENIED');
      expect(await ticketsSnapshot()).toEqual(before);
      const covered = await lead.client.post('/api/tickets/roles', roleBody('Junior', [['Ticket', 'VIEW', 'USER']]));
      ok(covered, 201);
      const raised = await lead.client.put(`/api/tickets/roles/${covered.body.id}`, roleBody('Junior', [['Ticket', 'DELETE', 'USER']]));
      expect(raised.body.code).toBe('ESCALATION_DENIED');
      ok(await lead.client.put(`/api/tickets/roles/${covered.body.id}`, roleBody('Junior', [['Ticket', 'CREATE', 'USER']])), 200);
      // The first administrator holds role_escalate: exempt.
      ok(await run.admin.post('/api/tickets/roles', roleBody('Everything org', [['Ticket', 'DELETE', 'ORGANIZATION']])), 201);
    });

    it('gives and takes only covered roles, to users and to profiles', async () => {
      const user = await person();
      const strong = await person({}, [administratorRole]);
      const before = await ticketsSnapshot();
      const given = await lead.client.put(`/api/tickets/user-security/${user.id}/roles`, { roleIds: [administratorRole] });
      expect(given.status).toBe(403);
      expect(given.body.code).toBe('ESCALATION_DENIED');
      const profile = await lead.client.post('/api/tickets/security-profiles', { name: 'Admins by name', roleIds: [administratorRole] });
      expect(profile.body.code).toBe('ESCALATION_DENIED');
      // Taking a role it does not cover away from someone is refused too.
      const taken = await lead.client.put(`/api/tickets/user-security/${strong.id}/roles`, []);
      expect(taken.status).toBe(400); // body must be { roleIds }
      expect((await lead.client.put(`/api/tickets/user-security/${strong.id}/roles`, { roleIds: [] })).body.code).toBe('ESCALATION_DENIED');
      expect(await ticketsSnapshot()).toEqual(before);
      const ok200 = await lead.client.put(`/api/tickets/user-security/${user.id}/roles`, { roleIds: [leadRole] });
      expect(ok200.body).toMatchObject({ status: 'ACTIVE', roles: ['Lead'] });
      ok(await lead.client.post('/api/tickets/security-profiles', { name: 'Leads', roleIds: [leadRole] }), 201);
    });
  });
});
