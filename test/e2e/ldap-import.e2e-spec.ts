import { adminQuery, eventually, LdapServer, startLdapServer } from '@app/testing';
import { containers, directoryBody, finishedImport, group, ldapRoles, loginWithRole, person, personDn } from './ldap-fixture';
import { createUser, RunningSuite, startWholeSuite } from './suite-fixture';

const SUPPORT_GROUP = 'cn=support,ou=groups,dc=example,dc=org';

/** Importing an organization's users from its LDAP directory: creates, updates, disables, refuses bad entries whole. */
describe('LDAP imports', () => {
  let run: RunningSuite;
  let ldap: LdapServer;
  let roles: Awaited<ReturnType<typeof ldapRoles>>;
  let path: string;
  let handMade: Awaited<ReturnType<typeof createUser>>;

  beforeAll(async () => {
    ldap = await startLdapServer({
      entries: [
        ...containers,
        person('ann', { sn: 'Lee', telephoneNumber: '+49 30 1234' }),
        person('bob', { sn: 'Ray' }),
        group('support', [personDn('ann')]),
      ],
    });
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '1000' });
    roles = await ldapRoles(run, 'IMP');
    path = `/api/organizations/${run.ids.organizationId}/ldap`;
    handMade = await createUser(run, { firstName: 'Hand', lastName: 'Made' });
    const { client } = await loginWithRole(run, roles.ldapAdmin);
    const put = await client.put(path, directoryBody(ldap, run.ids, [{ groupDn: SUPPORT_GROUP, roleId: roles.support }], [roles.member]));
    expect(put.status).toBe(200);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await ldap?.stop();
  });

  const identity = <T = Record<string, unknown>>(sql: string, params: unknown[] = []) => adminQuery<T>(run.environment.databases.identity, sql, params);
  const userByName = async (username: string) => (await identity<{ id: string }>('SELECT id FROM users WHERE username = $1', [username]))[0];
  const startImport = async () => {
    const started = await run.admin.post(`${path}/imports`, {});
    expect(started.status).toBe(202);
    expect(started.body).toMatchObject({ organizationId: run.ids.organizationId, status: expect.stringMatching(/QUEUED|RUNNING|DONE/) });
    return finishedImport(run, run.ids.organizationId, started.body.id);
  };
  const snapshot = () => identity('SELECT id, username, enabled, first_name, last_name, primary_email, phone, updated_at FROM users ORDER BY id');

  it('creates the directory’s users with their DN and mapped roles, no password, mirrored in tickets', async () => {
    const job = await startImport();
    expect(job).toMatchObject({ status: 'DONE', errors: [], progress: { total: 2, processed: 2, created: 2, updated: 0, disabled: 0 } });

    const ann = await run.admin.get(`/api/users/${(await userByName('ann')).id}`);
    expect(ann.body).toMatchObject({
      username: 'ann',
      firstName: 'Ann',
      lastName: 'Lee',
      primaryEmail: 'ann@ldap.example.org',
      phone: '+49 30 1234',
      enabled: true,
      ldapDn: personDn('ann'),
      passwordManagedByDirectory: true,
      ownerBusinessUnitId: run.ids.businessUnitId,
      organizationIds: [run.ids.organizationId],
    });
    expect(ann.body.roles.map((r: { roleId: string }) => r.roleId)).toEqual([roles.support]);
    const bob = await run.admin.get(`/api/users/${(await userByName('bob')).id}`);
    expect(bob.body.ldapDn).toBe(personDn('bob'));
    expect(bob.body.roles.map((r: { roleId: string }) => r.roleId)).toEqual([roles.member]);
    const hand = await run.admin.get(`/api/users/${handMade.id}`);
    expect(hand.body).not.toHaveProperty('ldapDn');
    expect(hand.body).not.toHaveProperty('passwordManagedByDirectory');

    const stored = await identity<{ password_hash: string | null; ldap_directory_id: string | null }>(
      `SELECT password_hash, ldap_directory_id FROM users WHERE username IN ('ann', 'bob')`,
    );
    expect(stored).toHaveLength(2);
    for (const row of stored) expect(row).toEqual({ password_hash: null, ldap_directory_id: expect.any(String) });
    // Identity keeps no password of theirs: none can be set or reset.
    const setPassword = await run.admin.post(`/api/users/${ann.body.id}/password`, { password: 'Str0ng-Password', passwordConfirm: 'Str0ng-Password' });
    expect(setPassword.status).toBe(409);
    expect(setPassword.body.code).toBe('PASSWORD_MANAGED_BY_DIRECTORY');
    expect((await run.admin.post(`/api/users/${ann.body.id}/password-reset`, {})).status).toBe(409);
    expect((await identity('SELECT 1 FROM users WHERE id = $1 AND password_hash IS NULL', [ann.body.id])).length).toBe(1);
    // identity.user.created, as for a user made by hand: tickets mirrors them.
    await eventually(async () => {
      const mirrored = await adminQuery(run.environment.databases.tickets, `SELECT username FROM ticket_users WHERE username IN ('ann', 'bob')`);
      return mirrored.length === 2 ? true : undefined;
    }, 15_000);
  });

  it('updates a changed entry, disables a user whose entry is gone (never deletes), leaves hand-made users alone', async () => {
    const handBefore = (await identity('SELECT * FROM users WHERE id = $1', [handMade.id]))[0];
    await ldap.modify(personDn('ann'), { sn: 'Lee-Smith' });
    await ldap.delete(personDn('bob'));
    const bob = await userByName('bob');
    // An open session of bob's: disabling ends it, as a disable by hand does.
    await identity(
      `INSERT INTO sessions (user_id, organization_id, active_roles, roles_selected, expires_at) VALUES ($1, $2, '[]', false, now() + interval '1 hour')`,
      [bob.id, run.ids.organizationId],
    );

    const job = await startImport();
    expect(job).toMatchObject({ status: 'DONE', progress: { total: 1, created: 0, updated: 1, disabled: 1 } });
    const ann = await run.admin.get(`/api/users/${(await userByName('ann')).id}`);
    expect(ann.body.lastName).toBe('Lee-Smith');
    const gone = await run.admin.get(`/api/users/${bob.id}`);
    expect(gone.status).toBe(200);
    expect(gone.body).toMatchObject({ enabled: false, ldapDn: personDn('bob') });
    expect(await identity('SELECT 1 FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [bob.id])).toHaveLength(0);
    expect((await identity('SELECT * FROM users WHERE id = $1', [handMade.id]))[0]).toEqual(handBefore);
    await eventually(async () => {
      const [mirror] = await adminQuery<{ enabled: boolean }>(run.environment.databases.tickets, `SELECT enabled FROM ticket_users WHERE username = 'bob'`);
      return mirror?.enabled === false ? true : undefined;
    }, 15_000);

    // Nothing changed since: a third run changes nothing.
    expect(await startImport()).toMatchObject({ status: 'DONE', progress: { total: 1, created: 0, updated: 0, disabled: 0 } });
  });

  it('fails the whole job, naming each bad entry, when an entry has no username, repeats one, or takes a hand-made user’s', async () => {
    await ldap.add(person('carl'));
    await ldap.add({ ...person('nouid', { uid: undefined }), dn: `cn=No Uid,ou=people,dc=example,dc=org` });
    await ldap.add({ ...person('ann2', { uid: 'ANN', mail: 'ann.two@ldap.example.org' }) });
    await ldap.add(person('clash', { uid: handMade.username, mail: 'clash@ldap.example.org' }));
    const before = await snapshot();

    const job = await startImport();
    expect(job.status).toBe('FAILED');
    expect(job.progress).toMatchObject({ total: 5, created: 0, updated: 0, disabled: 0 });
    expect(job.errors).toEqual(
      expect.arrayContaining([
        { dn: 'cn=No Uid,ou=people,dc=example,dc=org', message: expect.stringContaining('no username (attribute uid is missing or empty)') },
        { dn: personDn('ann2'), message: expect.stringContaining('duplicate username "ann"') },
      ]),
    );
    expect(await snapshot()).toEqual(before);
    expect(await userByName('carl')).toBeUndefined();

    // With those two fixed, the clash with the hand-made user is what remains; still nothing imported.
    await ldap.delete('cn=No Uid,ou=people,dc=example,dc=org');
    await ldap.delete(personDn('ann2'));
    const clash = await startImport();
    expect(clash.status).toBe('FAILED');
    expect(clash.errors).toEqual([{ dn: personDn('clash'), message: `username "${handMade.username}" is taken by the hand-made user ${handMade.username}` }]);
    expect(await snapshot()).toEqual(before);

    await ldap.delete(personDn('clash'));
    expect(await startImport()).toMatchObject({ status: 'DONE', progress: { created: 1 } });
    expect(await userByName('carl')).toBeDefined();
  });

  it('refuses a reconfiguration to a caller outranked by one of the directory’s users: it decides how they log in', async () => {
    // A GLOBAL administrator made ann an ADMINISTRATOR by hand; pointing her directory elsewhere would hand her account over.
    const ann = await userByName('ann');
    await identity('INSERT INTO user_roles (user_id, role_id, fixed, is_default) VALUES ($1, $2, false, false)', [ann.id, run.ids.administratorRoleId]);
    try {
      const stored = () => identity('SELECT url, bind_dn, bind_password_encrypted, updated_at FROM ldap_directories WHERE organization_id = $1', [run.ids.organizationId]);
      const before = await stored();
      const { client: ldapAdmin } = await loginWithRole(run, roles.ldapAdmin);
      const body = directoryBody(ldap, run.ids, [{ groupDn: SUPPORT_GROUP, roleId: roles.support }], [roles.member]);
      const moved = await ldapAdmin.put(path, { ...body, url: 'ldap://127.0.0.1:1' });
      expect(moved.status).toBe(403);
      expect(moved.body).toMatchObject({ code: 'TARGET_OUTRANKS', details: { userId: ann.id } });
      expect(await stored()).toEqual(before);
      // The administrator, who holds every grant, still may.
      expect((await run.admin.put(path, body)).status).toBe(200);
    } finally {
      await identity('DELETE FROM user_roles WHERE user_id = $1 AND role_id = $2', [ann.id, run.ids.administratorRoleId]);
    }
  });

  it('is refused to a caller without the capability or with a role mapping beyond its grants, and fails clearly when the directory is unreachable', async () => {
    const { client: plain } = await loginWithRole(run, roles.userAdmin);
    expect((await plain.post(`${path}/imports`, {})).status).toBe(403);

    // The administrator (role_escalate) maps a group to ADMINISTRATOR: the LDAP administrator may not import that.
    const escalated = await run.admin.put(path, directoryBody(ldap, run.ids, [{ groupDn: SUPPORT_GROUP, roleId: run.ids.administratorRoleId }], [roles.member]));
    expect(escalated.status).toBe(200);
    const { client: ldapAdmin } = await loginWithRole(run, roles.ldapAdmin);
    const refused = await ldapAdmin.post(`${path}/imports`, {});
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('ESCALATION_DENIED');

    const before = await snapshot();
    const unreachable = await run.admin.put(path, { ...directoryBody(ldap, run.ids, [], [roles.member]), url: 'ldap://127.0.0.1:1' });
    expect(unreachable.status).toBe(200);
    const job = await startImport();
    expect(job.status).toBe('FAILED');
    expect(job.errors).toEqual([{ dn: null, message: expect.stringMatching(/^UNREACHABLE: /) }]);
    expect(await snapshot()).toEqual(before);
  });

  it('on DELETE of the directory keeps its users, with their DN, disabled', async () => {
    const imported = await identity<{ id: string }>('SELECT id FROM users WHERE ldap_dn IS NOT NULL');
    expect(imported.length).toBeGreaterThanOrEqual(3);
    expect((await run.admin.delete(path)).status).toBe(200);
    const after = await identity<{ enabled: boolean; ldap_dn: string | null; ldap_directory_id: string | null }>(
      'SELECT enabled, ldap_dn, ldap_directory_id FROM users WHERE id = ANY($1::uuid[])',
      [imported.map((u) => u.id)],
    );
    expect(after).toHaveLength(imported.length);
    for (const user of after) expect(user).toEqual({ enabled: false, ldap_dn: expect.stringMatching(/^uid=/), ldap_directory_id: null });
    expect((await run.admin.get(`/api/users/${handMade.id}`)).body.enabled).toBe(true);
    // Its users keep their DN, but their password is no longer the directory's: an administrator may set one.
    const kept = await run.admin.get(`/api/users/${imported[0].id}`);
    expect(kept.body.ldapDn).toMatch(/^uid=/);
    expect(kept.body).not.toHaveProperty('passwordManagedByDirectory');
  });
});
