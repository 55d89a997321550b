import { randomBytes } from 'node:crypto';
import { adminQuery, callRpc, eventually, LdapEntry, LdapServer, startLdapServer } from '@app/testing';
import { createUser, RunningSuite, startWholeSuite } from './suite-fixture';

/**
 * Users imported from an LDAP directory log in by a bind to it (DESIGN.md section 5): identity keeps
 * no password of theirs. A real slapd (libs/testing), the real import, the whole suite.
 */
describe('LDAP login', () => {
  const base = 'dc=example,dc=org';
  const people = `ou=people,${base}`;
  const dnOf = (uid: string) => `uid=${uid},${people}`;
  const person = (uid: string, password: string): LdapEntry => ({
    dn: dnOf(uid),
    attributes: { objectClass: 'inetOrgPerson', uid, cn: `${uid} Example`, givenName: uid, sn: 'Example', mail: `${uid}@ldap.example.org`, userPassword: password },
  });
  const passwords = { ann: 'Ann-Directory-Pw1', bob: 'Bob-Directory-Pw1', dave: 'Dave-Directory-Pw1' };

  let directory: LdapServer;
  let run: RunningSuite;
  let roles: { sales: string; support: string };
  const ids: Record<string, string> = {};

  const identityDb = () => run.environment.databases.identity;
  const login = (username: string, password: string, extra: Record<string, unknown> = {}) => run.api.post('/api/auth/login', { username, password, ...extra });
  const userRow = async (id: string) =>
    (
      await adminQuery(
        identityDb(),
        'SELECT password_hash, ldap_dn, ldap_directory_id, enabled, auth_status, failed_logins, updated_at FROM users WHERE id = $1',
        [id],
      )
    )[0];

  const runImport = async () => {
    const queued = await run.admin.post(`/api/organizations/${run.ids.organizationId}/ldap/imports`);
    expect(queued.status).toBe(202);
    const { value } = await eventually(async () => {
      const job = await run.admin.get(`/api/organizations/${run.ids.organizationId}/ldap/imports/${queued.body.id}`);
      return job.body.status === 'DONE' || job.body.status === 'FAILED' ? job.body : undefined;
    }, 30_000, 100);
    expect(value).toMatchObject({ status: 'DONE', errors: [] });
    return value;
  };

  beforeAll(async () => {
    directory = await startLdapServer({
      baseDn: base,
      entries: [
        { dn: people, attributes: { objectClass: 'organizationalUnit', ou: 'people' } },
        { dn: `ou=groups,${base}`, attributes: { objectClass: 'organizationalUnit', ou: 'groups' } },
        person('ann', passwords.ann),
        person('bob', passwords.bob),
        person('dave', passwords.dave),
        { dn: `cn=sales,ou=groups,${base}`, attributes: { objectClass: 'groupOfNames', cn: 'sales', member: [dnOf('ann')] } },
        { dn: `cn=support,ou=groups,${base}`, attributes: { objectClass: 'groupOfNames', cn: 'support', member: [dnOf('ann')] } },
      ],
    });
    run = await startWholeSuite({ LDAP_SECRET_KEY: randomBytes(32).toString('base64'), LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_ADDRESS: '1000', LOGIN_RATE_PER_ACCOUNT: '1000' });
    const role = async (name: string, actions: string[]) => {
      const permissions = actions.map((action) => ({ entity: 'User', action, level: 'ORGANIZATION' }));
      const created = await run.admin.post('/api/roles', { name, permissions, capabilities: [] });
      expect(created.status).toBe(201);
      return created.body.id as string;
    };
    // LdapSales may edit users, so ann (who holds it) may try to set her own password.
    roles = { sales: await role('LdapSales', ['VIEW', 'EDIT']), support: await role('LdapSupport', ['VIEW']) };
    const configured = await run.admin.put(`/api/organizations/${run.ids.organizationId}/ldap`, {
      url: directory.url,
      bindDn: directory.bindDn,
      bindPassword: directory.password,
      baseDn: people,
      userFilter: '(objectClass=inetOrgPerson)',
      attributeMapping: { username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn' },
      roleMapping: [
        { groupDn: `cn=sales,ou=groups,${base}`, roleId: roles.sales },
        { groupDn: `cn=support,ou=groups,${base}`, roleId: roles.support },
      ],
      ownerBusinessUnitId: run.ids.businessUnitId,
      defaultRoleIds: [roles.support],
    });
    expect({ status: configured.status, body: configured.status === 200 ? null : configured.body }).toEqual({ status: 200, body: null });
    expect((await runImport()).progress).toMatchObject({ created: 3 });
    const rows = await adminQuery<{ id: string; username: string }>(identityDb(), 'SELECT id, username FROM users WHERE ldap_directory_id IS NOT NULL');
    for (const row of rows) ids[row.username] = row.id;
    expect(Object.keys(ids).sort()).toEqual(['ann', 'bob', 'dave']);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await directory?.stop();
  });

  it('a directory user logs in with the directory password: a session, /api/me with the roles of its groups; identity stores no password', async () => {
    expect(await userRow(ids.ann)).toMatchObject({ password_hash: null, ldap_dn: dnOf('ann'), enabled: true, auth_status: 'ACTIVE' });
    const response = await login('ann', passwords.ann);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ tokenType: 'Bearer', organizationId: run.ids.organizationId });
    expect([...response.body.activeRoles].sort()).toEqual(['LdapSales', 'LdapSupport']);
    const me = await run.api.as(response.body.accessToken).get('/api/me');
    expect(me.status).toBe(200);
    expect([...me.body.activeRoles].sort()).toEqual(['LdapSales', 'LdapSupport']);
    const sessions = await adminQuery(identityDb(), 'SELECT roles_selected FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [ids.ann]);
    expect(sessions).toEqual([{ roles_selected: false }]);
    // The user's name is not case-sensitive, as for everyone.
    expect((await login('ANN', passwords.ann)).status).toBe(200);
  });

  it('login with a role selection works as for everyone (body or ?roles=), and a role not held is refused', async () => {
    const selected = await login('ann', passwords.ann, { roles: ['LdapSupport'] });
    expect(selected.status).toBe(200);
    expect(selected.body.activeRoles).toEqual(['LdapSupport']);
    expect((await run.api.as(selected.body.accessToken).get('/api/me')).body.activeRoles).toEqual(['LdapSupport']);
    const byQuery = await run.api.post('/api/auth/login?roles=LdapSales', { username: 'ann', password: passwords.ann });
    expect(byQuery.body.activeRoles).toEqual(['LdapSales']);
    const notHeld = await login('ann', passwords.ann, { roles: ['ADMINISTRATOR'] });
    expect(notHeld.status).toBe(400);
    expect(notHeld.body.details).toEqual([{ field: 'roles', messages: [expect.stringContaining('ADMINISTRATOR')] }]);
  });

  it('a wrong directory password is the same 401 as an unknown user or a wrong local password, and 3 in a row lock the user (423)', async () => {
    const local = await createUser(run);
    const shape = (r: { status: number; body: Record<string, unknown> }) => ({ status: r.status, body: r.body });
    const unknown = shape(await login('nobody-here', 'Whatever-Pw1'));
    const wrongLocal = shape(await login(local.username, 'Whatever-Pw1'));
    const wrongDirectory = shape(await login('bob', 'Whatever-Pw1'));
    expect(unknown).toEqual({ status: 401, body: expect.objectContaining({ statusCode: 401, code: 'INVALID_CREDENTIALS' }) });
    expect(wrongLocal).toEqual(unknown);
    expect(wrongDirectory).toEqual(unknown);
    expect(await userRow(ids.bob)).toMatchObject({ failed_logins: 1, auth_status: 'ACTIVE' });

    // A right password in between starts the count again, as for everyone.
    expect((await login('bob', passwords.bob)).status).toBe(200);
    expect(await userRow(ids.bob)).toMatchObject({ failed_logins: 0 });

    const session = await run.api.login('bob', passwords.bob);
    for (let attempt = 1; attempt <= 3; attempt++) expect((await login('bob', `wrong-${attempt}`)).status).toBe(401);
    const locked = await login('bob', passwords.bob);
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ statusCode: 423, code: 'LOCKED' });
    expect(await userRow(ids.bob)).toMatchObject({ auth_status: 'LOCKED', failed_logins: 3 });
    expect((await session.get('/api/me')).status).toBe(401);
    const events = await adminQuery(identityDb(), `SELECT 1 FROM outbox WHERE type = 'identity.user.locked' AND envelope->'data'->>'id' = $1`, [ids.bob]);
    expect(events).toHaveLength(1);

    // An administrator activates, as for everyone; the directory password works again.
    expect((await run.admin.post(`/api/users/${ids.bob}/activate`)).status).toBe(200);
    expect((await login('bob', passwords.bob)).status).toBe(200);

    // Disabled is disabled, for directory users too: the right directory password gets 403 DISABLED.
    expect((await run.admin.post(`/api/users/${ids.bob}/disable`)).status).toBe(200);
    expect((await login('bob', passwords.bob)).body).toMatchObject({ statusCode: 403, code: 'DISABLED' });
  });

  it('an empty password is refused before any directory is asked, and counts nothing', async () => {
    const before = await userRow(ids.ann);
    const response = await login('ann', '');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'password', messages: [expect.any(String)] }]);
    // Past the gateway too: identity checks its input again.
    await expect(callRpc(run.environment.amqpUrl, 'identity', 'identity.auth.login', { username: 'ann', password: '' })).rejects.toMatchObject({ statusCode: 400 });
    expect(await userRow(ids.ann)).toMatchObject({ failed_logins: before.failed_logins, auth_status: 'ACTIVE' });
  });

  it('the password of a directory user is the directory\'s: set, reset, suggest and the reset link answer 409 and change nothing', async () => {
    const before = await userRow(ids.ann);
    const expectManaged = (response: { status: number; body: Record<string, unknown> }) =>
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 409, code: 'PASSWORD_MANAGED_BY_DIRECTORY' });

    expectManaged(await run.admin.post(`/api/users/${ids.ann}/password`, { password: 'New-Passw0rd!', passwordConfirm: 'New-Passw0rd!' }));
    expectManaged(await run.admin.post(`/api/users/${ids.ann}/password-reset`));
    expectManaged(await run.admin.get(`/api/users/${ids.ann}/password-suggestion`));
    // The user itself, through the same route (LdapSales lets ann edit users, herself included).
    const ann = await run.api.login('ann', passwords.ann);
    expectManaged(await ann.post(`/api/users/${ids.ann}/password`, { password: 'New-Passw0rd!', passwordConfirm: 'New-Passw0rd!' }));

    // A reset link made before (here: by hand) does not set a password either, and stays unspent.
    const token = randomBytes(32).toString('base64url');
    const [{ digest }] = await adminQuery(identityDb(), `SELECT encode(sha256(convert_to($1, 'UTF8')), 'hex') AS digest`, [token]);
    await adminQuery(identityDb(), `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) VALUES ($1, $2, now() + interval '1 hour')`, [ids.ann, digest]);
    expectManaged(await run.api.post('/api/auth/password-reset/confirm', { token, password: 'New-Passw0rd!', passwordConfirm: 'New-Passw0rd!' }));
    expect(await adminQuery(identityDb(), 'SELECT used_at FROM password_reset_tokens WHERE token_hash = $1', [digest])).toEqual([{ used_at: null }]);
    await adminQuery(identityDb(), 'DELETE FROM password_reset_tokens WHERE token_hash = $1', [digest]);

    const after = await userRow(ids.ann);
    expect(after).toEqual(before);
    const events = await adminQuery(
      identityDb(),
      `SELECT type FROM outbox WHERE type IN ('identity.user.password_changed', 'identity.user.password_reset') AND envelope->'data'->>'id' = $1`,
      [ids.ann],
    );
    expect(events).toEqual([]);
    expect((await login('ann', passwords.ann)).status).toBe(200);
    expect((await login('ann', 'New-Passw0rd!')).status).toBe(401);
  });

  it('a mass reset resets the hand-made users and lists each directory user as skipped', async () => {
    const local = await createUser(run);
    const response = await run.admin.post('/api/users/password-reset', { userIds: [ids.ann, local.id] });
    expect(response.status).toBe(200);
    expect(response.body.items).toEqual([{ id: local.id, authStatus: 'PASSWORD_RESET', resetLinkExpiresAt: expect.any(String) }]);
    expect(response.body.skipped).toEqual([{ id: ids.ann, code: 'PASSWORD_MANAGED_BY_DIRECTORY', message: expect.any(String) }]);
    expect(await userRow(ids.ann)).toMatchObject({ auth_status: 'ACTIVE' });
    expect(await userRow(local.id)).toMatchObject({ auth_status: 'PASSWORD_RESET' });
    expect(await adminQuery(identityDb(), 'SELECT 1 FROM password_reset_tokens WHERE user_id = $1', [ids.ann])).toEqual([]);

    const onlyDirectory = await run.admin.post('/api/users/password-reset', { userIds: [ids.ann] });
    expect(onlyDirectory.status).toBe(200);
    expect(onlyDirectory.body).toEqual({ items: [], skipped: [expect.objectContaining({ id: ids.ann })] });
  });

  it('API keys work for a directory user, and a hand-made user still logs in with its stored password', async () => {
    const issued = await run.admin.post(`/api/users/${ids.ann}/api-key`, {});
    expect(issued.status).toBe(201);
    const me = await run.api.get('/api/me', { 'X-API-Key': issued.body.apiKey });
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ id: ids.ann, username: 'ann' });

    const local = await createUser(run);
    expect((await login(local.username, local.password)).status).toBe(200);
    expect((await login(local.username, passwords.ann)).status).toBe(401);
    expect((await run.admin.get(`/api/users/${local.id}/password-suggestion`)).status).toBe(200);
    expect((await run.admin.post(`/api/users/${local.id}/password`, { password: 'Other-Passw0rd!', passwordConfirm: 'Other-Passw0rd!' })).status).toBe(200);
    expect((await login(local.username, 'Other-Passw0rd!')).status).toBe(200);
  });

  it('the export writes an empty password hash for a directory user, and the hash of a hand-made one', async () => {
    const started = await run.admin.post('/api/exports', { entity: 'User' });
    expect(started.status).toBe(202);
    const { value: job } = await eventually(async () => {
      const current = await run.admin.get(`/api/exports/${started.body.id}`);
      return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
    }, 30_000, 100);
    expect(job).toMatchObject({ status: 'DONE', error: null });
    const download = await fetch(`${run.environment.gatewayUrl}/api/exports/${job.id}/file`, { headers: { authorization: `Bearer ${run.admin.token}` } });
    expect(download.status).toBe(200);
    const lines = (await download.text()).split('\r\n');
    // primaryEmail, emails, phone, passwordHash, ownerBusinessUnit: the hash cell is empty.
    expect(lines.find((l) => l.startsWith(`${ids.ann},`))).toContain(',ann@ldap.example.org,,,,Main,');
    expect(lines.find((l) => l.includes(',admin,'))).toContain('"$argon2id$');
  });

  it('a user whose entry left the directory is disabled by the next import and cannot log in', async () => {
    await directory.delete(dnOf('dave'));
    expect((await runImport()).progress).toMatchObject({ disabled: 1 });
    expect(await userRow(ids.dave)).toMatchObject({ enabled: false });
    // Its DN is gone from the directory: the bind is refused, the same 401 as any wrong password.
    expect((await login('dave', passwords.dave)).body.code).toBe('INVALID_CREDENTIALS');
  });

  it('a directory that cannot be reached is a 503 LDAP_DIRECTORY_UNAVAILABLE that counts no failure; so is one that was removed', async () => {
    const before = await userRow(ids.ann);
    await directory.stop();
    for (let attempt = 1; attempt <= 4; attempt++) {
      const response = await login('ann', passwords.ann);
      expect(response.status).toBe(503);
      expect(response.body).toMatchObject({ statusCode: 503, code: 'LDAP_DIRECTORY_UNAVAILABLE' });
    }
    expect(await userRow(ids.ann)).toMatchObject({ failed_logins: before.failed_logins, auth_status: 'ACTIVE' });
    // A hand-made user does not need the directory.
    const local = await createUser(run);
    expect((await login(local.username, local.password)).status).toBe(200);

    expect((await run.admin.delete(`/api/organizations/${run.ids.organizationId}/ldap`)).status).toBe(200);
    expect(await userRow(ids.ann)).toMatchObject({ enabled: false, ldap_directory_id: null, password_hash: null });
    const removed = await login('ann', passwords.ann);
    expect(removed.status).toBe(503);
    expect(removed.body.code).toBe('LDAP_DIRECTORY_UNAVAILABLE');
    expect(await userRow(ids.ann)).toMatchObject({ failed_logins: before.failed_logins, auth_status: 'ACTIVE' });
  });
});
