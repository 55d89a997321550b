import { adminQuery, GatewayClient } from '@app/testing';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

/**
 * The permission matrix on the User entity (BUSINESS_UNIT-owned): for every level a role may hold,
 * the list holds exactly the users in scope (its total too), and single-record calls answer 200 or
 * 403 exactly as the scope says. The expected sets come from a plain oracle over the fixture.
 */
type Level = 'BUSINESS_UNIT' | 'DIVISION' | 'ORGANIZATION' | 'GLOBAL';
const LEVELS: Level[] = ['BUSINESS_UNIT', 'DIVISION', 'ORGANIZATION', 'GLOBAL'];

interface UserRow {
  id: string;
  owner: string;
  organizations: string[];
}

describe('permission matrix: User records by access level over two organizations and a three-level tree', () => {
  let run: RunningSuite;
  const unit: Record<string, string> = {};
  const organization: Record<string, string> = {};
  const parentOf: Record<string, string | null> = {};

  const sql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(run.environment.databases.identity, text, params);

  async function addUnit(name: string, org: string, parent: string | null) {
    const [row] = await sql<{ id: string }>('INSERT INTO business_units (organization_id, parent_id, name) VALUES ($1, $2, $3) RETURNING id', [organization[org], parent ? unit[parent] : null, name]);
    unit[name] = row.id;
    parentOf[row.id] = parent ? unit[parent] : null;
  }

  /** What each fixture role grants on User, by action; the oracle of "the target holds no grant the editor lacks". */
  const userGrants: Record<string, Record<string, string>> = {};
  /** Each user's role, for that oracle; the seeded administrator holds every grant. */
  const roleOfUser: Record<string, string> = {};

  async function addRole(name: string, permissions: { action: string; level: string; entity?: string }[]) {
    const rows = permissions.map((p) => ({ entity: 'User', ...p }));
    const [row] = await sql<{ id: string }>('INSERT INTO roles (name, permissions, capabilities) VALUES ($1, $2, $3) RETURNING id', [name, JSON.stringify(rows), '[]']);
    userGrants[row.id] = Object.fromEntries(rows.filter((p) => p.entity === 'User').map((p) => [p.action, p.level]));
    return row.id;
  }

  /** Whether the editor's User grants reach each of the target's at no lower level (DESIGN.md section 3). */
  const covers = (editorRole: string, targetId: string): boolean => {
    const target = roleOfUser[targetId];
    if (!target) return false;
    const rank = (level: string | undefined) => ['NONE', ...LEVELS].indexOf(level ?? 'NONE');
    return Object.entries(userGrants[target]).every(([action, level]) => rank(level) <= rank(userGrants[editorRole][action]));
  };

  async function addUser(owner: string, org: string, roleId: string) {
    const body = newUserBody(run.ids, {
      ownerBusinessUnitId: unit[owner],
      organizationIds: [organization[org]],
      businessUnitIds: [unit[owner]],
      roles: [{ roleId, default: true }],
    });
    const created = await run.admin.post('/api/users', body);
    expect(created.status).toBe(201);
    roleOfUser[created.body.id] = roleId;
    return { id: created.body.id as string, username: body.username as string, password: body.password as string };
  }

  /** Units at or below `top`, by walking the fixture's parents (the oracle does not use libs/acl). */
  const divisionOf = (top: string) => Object.keys(parentOf).filter((id) => {
    for (let at: string | null = id; at; at = parentOf[at]) if (at === top) return true;
    return false;
  });

  function expectedScope(level: Level, subjectUnit: string, subjectOrg: string, users: UserRow[]): Set<string> {
    const inOrg = (u: UserRow) => u.organizations.includes(subjectOrg);
    const units = level === 'DIVISION' ? divisionOf(subjectUnit) : [subjectUnit];
    return new Set(
      users
        .filter((u) => level === 'GLOBAL' || (inOrg(u) && (level === 'ORGANIZATION' || units.includes(u.owner))))
        .map((u) => u.id),
    );
  }

  const allUsers = async () =>
    (await sql<{ id: string; owner_business_unit_id: string; organization_ids: string[] }>('SELECT id, owner_business_unit_id, organization_ids FROM users')).map((r) => ({
      id: r.id,
      owner: r.owner_business_unit_id,
      organizations: r.organization_ids,
    }));

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '10000' });
    organization.A = run.ids.organizationId;
    unit.A = run.ids.businessUnitId;
    parentOf[unit.A] = null;
    const [b] = await sql<{ id: string }>("INSERT INTO organizations (name) VALUES ('B') RETURNING id");
    organization.B = b.id;
    await addUnit('A1', 'A', 'A');
    await addUnit('A11', 'A', 'A1');
    await addUnit('A2', 'A', 'A');
    await addUnit('B', 'B', null);
    await addUnit('B1', 'B', 'B');
    // Every unit owns a few plain users; the admin (unit A, organization A) is a record too.
    const plain = await addRole('PLAIN', [{ action: 'VIEW', level: 'NONE' }]);
    for (const [owner, org] of [['A', 'A'], ['A1', 'A'], ['A11', 'A'], ['A11', 'A'], ['A2', 'A'], ['B', 'B'], ['B1', 'B']]) await addUser(owner, org, plain);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a role without User VIEW is refused the list with 403 naming the permission', async () => {
    const none = await addRole('USER_NONE', [{ action: 'VIEW', level: 'NONE' }]);
    const subject = await addUser('A1', 'A', none);
    const client = await run.api.login(subject.username, subject.password);
    const response = await client.get('/api/users');
    expect(response.status).toBe(403);
    expect(response.body.details).toEqual({ missing: { entity: 'User', action: 'VIEW' } });
  });

  for (const [subjectUnit, subjectOrg] of [['A1', 'A'], ['B1', 'B']] as const) {
    for (const level of LEVELS) {
      it(`VIEW at ${level} for a user of ${subjectUnit}: the list, its total and every single record match the scope`, async () => {
        const role = await addRole(`VIEW_${level}_${subjectUnit}`, [{ action: 'VIEW', level }]);
        const subject = await addUser(subjectUnit, subjectOrg, role);
        const client: GatewayClient = await run.api.login(subject.username, subject.password);
        const users = await allUsers();
        const expected = expectedScope(level, unit[subjectUnit], organization[subjectOrg], users);

        const list = await client.get('/api/users?limit=500');
        expect(list.status).toBe(200);
        expect(new Set(list.body.items.map((u: { id: string }) => u.id))).toEqual(expected);
        expect(list.body.total).toBe(expected.size);

        for (const user of users) {
          const single = await client.get(`/api/users/${user.id}`);
          expect({ user: user.id, status: single.status }).toEqual({ user: user.id, status: expected.has(user.id) ? 200 : 403 });
        }
      });

      it(`EDIT at ${level} for a user of ${subjectUnit}: editing answers 200 or 403 exactly as the scope and the target's grants say`, async () => {
        const role = await addRole(`EDIT_${level}_${subjectUnit}`, [
          { action: 'VIEW', level: 'GLOBAL' },
          { action: 'EDIT', level },
        ]);
        const subject = await addUser(subjectUnit, subjectOrg, role);
        const client = await run.api.login(subject.username, subject.password);
        const users = await allUsers();
        // In scope, and holding no grant the editor lacks (the administrator outranks every editor here).
        const expected = new Set([...expectedScope(level, unit[subjectUnit], organization[subjectOrg], users)].filter((id) => covers(role, id)));
        for (const user of users) {
          const edited = await client.patch(`/api/users/${user.id}`, { middleName: 'Matrix' });
          expect({ user: user.id, status: edited.status }).toEqual({ user: user.id, status: expected.has(user.id) ? 200 : 403 });
        }
      });
    }
  }

  /** BusinessUnit records own themselves: a unit is in scope when it is one of the subject's (or below, for DIVISION). */
  for (const level of LEVELS) {
    it(`BusinessUnit VIEW at ${level} for a user of A1: the list, its total and every single unit match the scope`, async () => {
      const role = await addRole(`UNIT_VIEW_${level}`, [{ entity: 'BusinessUnit', action: 'VIEW', level }]);
      const subject = await addUser('A1', 'A', role);
      const client = await run.api.login(subject.username, subject.password);
      const units = (await sql<{ id: string; organization_id: string }>('SELECT id, organization_id FROM business_units')).map((u) => ({
        id: u.id,
        owner: u.id,
        organizations: [u.organization_id],
      }));
      const expected = expectedScope(level, unit.A1, organization.A, units);

      const list = await client.get('/api/business-units?limit=500');
      expect(list.status).toBe(200);
      expect(new Set(list.body.items.map((u: { id: string }) => u.id))).toEqual(expected);
      expect(list.body.total).toBe(expected.size);
      for (const { id } of units) {
        const single = await client.get(`/api/business-units/${id}`);
        expect({ unit: id, status: single.status }).toEqual({ unit: id, status: expected.has(id) ? 200 : 403 });
      }
    });
  }
});
