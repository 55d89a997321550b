import { adminQuery, LdapServer, startLdapServer } from '@app/testing';
import { createServer } from 'node:net';
import { containers, directoryBody, group, ldapRoles, loginWithRole, person, personDn } from './ldap-fixture';
import { RunningSuite, startWholeSuite } from './suite-fixture';

/** A port nothing listens on: taken, then closed again. */
const closedPort = (): Promise<number> =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

/** An organization's LDAP directory: configuration, the never-shown password, "Test connection", who may. */
describe('LDAP directories', () => {
  let run: RunningSuite;
  let ldap: LdapServer;
  let roles: Awaited<ReturnType<typeof ldapRoles>>;
  let path: string;

  beforeAll(async () => {
    ldap = await startLdapServer({
      entries: [...containers, person('ann'), person('bob'), group('support', [personDn('ann')])],
    });
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '1000' });
    roles = await ldapRoles(run, 'DIR');
    path = `/api/organizations/${run.ids.organizationId}/ldap`;
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await ldap?.stop();
  });

  const body = (overrides: Record<string, unknown> = {}) => ({
    ...directoryBody(ldap, run.ids, [{ groupDn: `cn=support,ou=groups,dc=example,dc=org`, roleId: roles.support }], [roles.member]),
    ...overrides,
  });
  const storedRow = async () =>
    (await adminQuery<{ bind_password_encrypted: string; updated_at: Date; url: string }>(run.environment.databases.identity, 'SELECT * FROM ldap_directories WHERE organization_id = $1', [run.ids.organizationId]))[0];

  it('is configured, and its bind password is never shown again nor stored in plain text', async () => {
    expect((await run.admin.get(path)).status).toBe(404);
    const put = await run.admin.put(path, body());
    expect(put.status).toBe(200);
    expect(put.body).toMatchObject({ organizationId: run.ids.organizationId, url: ldap.url, bindDn: ldap.bindDn, hasBindPassword: true, baseDn: 'ou=people,dc=example,dc=org' });
    expect(put.body).not.toHaveProperty('bindPassword');
    expect(put.body).not.toHaveProperty('bindPasswordEncrypted');
    const got = await run.admin.get(path);
    expect(got.status).toBe(200);
    expect(got.body).toEqual(put.body);
    expect(JSON.stringify(got.body)).not.toContain(ldap.password);

    const stored = await storedRow();
    expect(stored.bind_password_encrypted).toMatch(/^v1\./);
    expect(stored.bind_password_encrypted).not.toContain(ldap.password);

    // A PUT without bindPassword keeps the stored one (and the connection still binds with it).
    const { bindPassword: _omitted, ...withoutPassword } = body({ userFilter: '(uid=*)' });
    const again = await run.admin.put(path, withoutPassword);
    expect(again.status).toBe(200);
    expect(again.body.userFilter).toBe('(uid=*)');
    expect((await storedRow()).bind_password_encrypted).toBe(stored.bind_password_encrypted);
    expect((await run.admin.post(`${path}/test`, {})).body).toEqual({ ok: true, usersFound: 2 });
  });

  it('"Test connection" says what failed: unreachable, bind refused, filter invalid, base DN not found', async () => {
    const test = async (directory: Record<string, unknown>) => {
      const response = await run.admin.post(`${path}/test`, { directory });
      expect(response.status).toBe(200);
      return response.body;
    };
    expect(await test(body())).toEqual({ ok: true, usersFound: 2 });
    expect(await test(body({ url: `ldap://127.0.0.1:${await closedPort()}` }))).toMatchObject({ ok: false, failure: 'UNREACHABLE', message: expect.stringContaining('cannot be reached') });
    expect(await test(body({ bindPassword: 'wrong-password' }))).toMatchObject({ ok: false, failure: 'BIND_REFUSED', message: expect.stringContaining('refused the bind') });
    expect(await test(body({ userFilter: '(&(objectClass=inetOrgPerson)(uid=*)' }))).toMatchObject({ ok: false, failure: 'FILTER_INVALID' });
    expect(await test(body({ userFilter: '(uid=a\\zz)' }))).toMatchObject({ ok: false, failure: 'FILTER_INVALID' });
    expect(await test(body({ baseDn: 'ou=nowhere,dc=example,dc=org' }))).toMatchObject({ ok: false, failure: 'BASE_DN_NOT_FOUND' });
    const missingGroup = body({ roleMapping: [{ groupDn: 'cn=nobody,ou=groups,dc=example,dc=org', roleId: roles.support }] });
    expect(await test(missingGroup)).toMatchObject({ ok: false, failure: 'BASE_DN_NOT_FOUND', message: expect.stringContaining('cn=nobody,ou=groups,dc=example,dc=org') });
    // Left out, the password of an unsaved configuration is the stored one.
    const { bindPassword: _omitted, ...withoutPassword } = body();
    expect(await test(withoutPassword)).toEqual({ ok: true, usersFound: 2 });
  });

  it('refuses bad input with 400 and changes nothing', async () => {
    const before = await storedRow();
    const cases: [Record<string, unknown>, string][] = [
      [body({ bindDn: 'cn=admin\u0000,dc=example,dc=org' }), 'bindDn'],
      [body({ url: 'http://127.0.0.1:389' }), 'url'],
      [body({ url: 'ldap://host/dc=example?uid' }), 'url'],
      [body({ userFilter: '(&(uid=*)' }), 'userFilter'],
      [body({ baseDn: 'not a dn' }), 'baseDn'],
      [body({ attributeMapping: { username: 'u id', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn' } }), 'attributeMapping.username'],
      [body({ roleMapping: [{ groupDn: 'cn=support,ou=groups,dc=example,dc=org', roleId: 'not-a-uuid' }] }), 'roleMapping.0.roleId'],
      [body({ defaultRoleIds: [] }), 'defaultRoleIds'],
      [body({ userFilter: 'x'.repeat(5000) }), 'userFilter'],
      [body({ bindPassword: '\ud800' }), 'bindPassword'],
    ];
    for (const [input, field] of cases) {
      const response = await run.admin.put(path, input);
      expect({ field, status: response.status }).toEqual({ field, status: 400 });
      expect(JSON.stringify(response.body.details ?? response.body)).toContain(field);
    }
    // References that do not hold: 400 too.
    const unknownRole = await run.admin.put(path, body({ defaultRoleIds: ['00000000-0000-4000-8000-000000000000'] }));
    expect(unknownRole.status).toBe(400);
    expect((await storedRow()).updated_at).toEqual(before.updated_at);
  });

  it('needs the capability, the organization within reach, and gives no role beyond the caller’s grants', async () => {
    const before = await storedRow();
    const { client: plainAdmin } = await loginWithRole(run, roles.userAdmin);
    for (const response of [await plainAdmin.get(path), await plainAdmin.put(path, body()), await plainAdmin.post(`${path}/test`, {}), await plainAdmin.post(`${path}/imports`, {}), await plainAdmin.delete(path)]) {
      expect(response.status).toBe(403);
    }

    const { client: ldapAdmin } = await loginWithRole(run, roles.ldapAdmin);
    expect((await ldapAdmin.get(path)).status).toBe(200);
    const escalating = await ldapAdmin.put(path, body({ defaultRoleIds: [run.ids.administratorRoleId] }));
    expect(escalating.status).toBe(403);
    expect(escalating.body.code).toBe('ESCALATION_DENIED');
    const mappedEscalation = await ldapAdmin.put(path, body({ roleMapping: [{ groupDn: 'cn=support,ou=groups,dc=example,dc=org', roleId: run.ids.administratorRoleId }] }));
    expect(mappedEscalation.status).toBe(403);
    expect((await storedRow()).updated_at).toEqual(before.updated_at);

    // Another organization: outside the organization-level administrator's reach.
    const other = await run.admin.post('/api/organizations', { name: 'Elsewhere' });
    expect(other.status).toBe(201);
    const otherPath = `/api/organizations/${other.body.id}/ldap`;
    const outside = await ldapAdmin.put(otherPath, { ...body(), ownerBusinessUnitId: other.body.rootBusinessUnitId });
    expect(outside.status).toBe(403);
    expect((await adminQuery(run.environment.databases.identity, 'SELECT 1 FROM ldap_directories WHERE organization_id = $1', [other.body.id])).length).toBe(0);

    // An administrator of that other organization cannot touch Main's directory.
    const { client: foreignAdmin } = await loginWithRole(run, roles.ldapAdmin, {
      ownerBusinessUnitId: other.body.rootBusinessUnitId,
      organizationIds: [other.body.id],
      businessUnitIds: [other.body.rootBusinessUnitId],
    });
    for (const response of [await foreignAdmin.get(path), await foreignAdmin.put(path, body()), await foreignAdmin.post(`${path}/test`, {}), await foreignAdmin.post(`${path}/imports`, {}), await foreignAdmin.delete(path)]) {
      expect(response.status).toBe(403);
    }
    const after = await storedRow();
    expect(after.updated_at).toEqual(before.updated_at);
    expect(after.bind_password_encrypted).toBe(before.bind_password_encrypted);

    // Within its grants, the organization's own LDAP administrator configures it.
    expect((await ldapAdmin.put(path, body())).status).toBe(200);
  });

  it('leaves the bind passwords out of every line the services printed', () => {
    const logs = run.suite.logs();
    expect(logs).toContain('ldap');
    expect(logs).not.toContain(ldap.password);
    expect(logs).not.toContain('wrong-password');
  });

  it('is removed with DELETE', async () => {
    const deleted = await run.admin.delete(path);
    expect(deleted.status).toBe(200);
    expect(deleted.body).toMatchObject({ deleted: true });
    expect((await run.admin.get(path)).status).toBe(404);
    expect((await run.admin.post(`${path}/test`, {})).status).toBe(404);
  });
});
