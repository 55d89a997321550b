import { adminQuery, eventually, firstLink, MailCatcher } from '@app/testing';
import { createUser as createSuiteUser, report, RunningSuite, startWholeSuite } from './suite-fixture';

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);

describe('users: fields, invitations, list, scope, state', () => {
  let run: RunningSuite;
  let mail: MailCatcher;
  const db = () => run.environment.databases.identity;
  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  beforeAll(async () => {
    mail = await MailCatcher.start();
    run = await startWholeSuite({ LOGIN_MAX_FAILURES: '3', SMTP_URL: mail.url });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await mail?.stop();
  });

  it('stores every OroCRM field, the avatar as bytes, and edits them with an update event of the changed fields', async () => {
    const user = await createUser({
      namePrefix: 'Dr.',
      middleName: 'King',
      nameSuffix: 'III',
      birthday: '1985-12-10',
      phone: '+44 20 7946 0000',
      emails: ['ada.work@example.com'],
      customFields: { jobTitle: 'Analyst', level: 3, remote: true },
      avatar: { contentType: 'image/png', dataBase64: PNG.toString('base64') },
    });
    expect(user).toMatchObject({ namePrefix: 'Dr.', middleName: 'King', birthday: '1985-12-10', emails: ['ada.work@example.com'], avatarUrl: `/api/users/${user.id}/avatar` });
    const avatar = await fetch(`${run.environment.gatewayUrl}/api/users/${user.id}/avatar`, { headers: { authorization: `Bearer ${run.admin.token}` } });
    expect(avatar.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await avatar.arrayBuffer()).equals(PNG)).toBe(true);
    const [stored] = await adminQuery(db(), 'SELECT length(data) AS size FROM user_avatars WHERE user_id = $1', [user.id]);
    expect(stored.size).toBe(PNG.length);

    const edited = await run.admin.patch(`/api/users/${user.id}`, { lastName: 'Byron', phone: null });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ lastName: 'Byron', phone: null, middleName: 'King' });
    const [event] = await adminQuery(db(), `SELECT envelope->'data' AS data FROM outbox WHERE type = 'identity.user.updated' AND envelope->'data'->>'id' = $1`, [user.id]);
    expect(event.data).toEqual({ id: user.id, lastName: 'Byron' });
  });

  it('filters, searches, sorts and pages the list with a matching total', async () => {
    const tag = `zz${Date.now().toString(36)}`;
    const made = [];
    for (const [i, last] of ['Carter', 'Adams', 'Baker'].entries()) {
      made.push(await createUser({ username: `${tag}.${i}`, lastName: last, primaryEmail: `${tag}.${i}@example.com`, enabled: i !== 2 }));
    }
    const byLast = await run.admin.get(`/api/users?q=${tag}&sort=lastName&order=asc`);
    expect(byLast.body.items.map((u: { lastName: string }) => u.lastName)).toEqual(['Adams', 'Baker', 'Carter']);
    expect(byLast.body.total).toBe(3);
    const page = await run.admin.get(`/api/users?q=${tag.toUpperCase()}&sort=username&order=desc&limit=1&offset=1`);
    expect(page.body).toMatchObject({ total: 3, items: [expect.objectContaining({ username: `${tag}.1` })] });
    const disabled = await run.admin.get(`/api/users?q=${tag}&enabled=false`);
    expect(disabled.body.items.map((u: { id: string }) => u.id)).toEqual([made[2].id]);
    const cannotLogin = await run.admin.get(`/api/users?q=${tag}&cannotLogin=true`);
    expect(cannotLogin.body.total).toBe(1);
    const byEmail = await run.admin.get(`/api/users?q=${tag}.0@EXAMPLE`);
    expect(byEmail.body.items.map((u: { id: string }) => u.id)).toEqual([made[0].id]);
    const all = await run.admin.get(`/api/users?limit=500&organizationId=${run.ids.organizationId}&authStatus=ACTIVE`);
    expect(all.body.total).toBe(all.body.items.length);
  });

  it('shows a BUSINESS_UNIT-level viewer only the users owned by their units, in list, count and view', async () => {
    const unit = (await run.admin.post('/api/business-units', { name: 'Scoped', organizationId: run.ids.organizationId, parentId: run.ids.businessUnitId })).body.id;
    const role = (await run.admin.post('/api/roles', { name: 'Unit Viewer', permissions: [{ entity: 'User', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] })).body;
    const viewerBody = { ownerBusinessUnitId: unit, businessUnitIds: [unit], roles: [{ roleId: role.id, default: true }] };
    const viewer = await createUser(viewerBody);
    const colleague = await createUser({ ownerBusinessUnitId: unit, businessUnitIds: [unit] });
    const outsider = await createUser();
    const session = await run.api.login(viewer.username, viewer.password);

    const list = await session.get('/api/users?limit=500');
    expect(list.status).toBe(200);
    expect(list.body.items.map((u: { id: string }) => u.id).sort()).toEqual([viewer.id, colleague.id].sort());
    expect(list.body.total).toBe(2);
    expect((await session.get(`/api/users/${colleague.id}`)).status).toBe(200);
    const outside = await session.get(`/api/users/${outsider.id}`);
    expect(outside.status).toBe(403);
    expect(outside.body.code).toBe('ACCESS_DENIED');
    expect((await session.get('/api/users/6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11')).status).toBe(404);
    expect((await session.patch(`/api/users/${colleague.id}`, { firstName: 'Eve' })).status).toBe(403);
  });

  it('disabling ends the sessions and login answers 403 DISABLED; enabling lets the user back in', async () => {
    const user = await createUser();
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/me')).status).toBe(200);
    expect((await run.admin.post(`/api/users/${user.id}/disable`)).body.enabled).toBe(false);
    const [open] = await adminQuery(db(), 'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [user.id]);
    expect(open.n).toBe(0);
    const [ended] = await adminQuery(db(), 'SELECT end_reason FROM sessions WHERE user_id = $1', [user.id]);
    expect(ended.end_reason).toBe('DISABLED');
    const refused = await run.api.post('/api/auth/login', { username: user.username, password: user.password });
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('DISABLED');
    // The session opened before is refused by the gateway once identity.user.disabled reaches it.
    const endedSession = await eventually(async () => ((await session.get('/api/me')).status === 401 ? true : undefined), 10_000);
    report(`session of a disabled user refused ${endedSession.elapsedMs} ms after the disable answered`);
    const types = await adminQuery(db(), `SELECT type FROM outbox WHERE envelope->'data'->>'id' = $1 AND type LIKE 'identity.user.%abled' ORDER BY seq`, [user.id]);
    expect(types.map((t) => t.type)).toEqual(['identity.user.disabled']);
    await run.admin.post(`/api/users/${user.id}/enable`);
    const again = await run.api.login(user.username, user.password);
    expect((await again.get('/api/me')).status).toBe(200);
    // Enabling lets the user log in again; it does not revive the session that disabling ended.
    expect((await session.get('/api/me')).status).toBe(401);
  });

  it('activate unlocks a user locked after LOGIN_MAX_FAILURES wrong passwords', async () => {
    const user = await createUser();
    for (let i = 0; i < 2; i++) await run.api.post('/api/auth/login', { username: user.username, password: 'wrong-Passw0rd' });
    const [before] = await adminQuery(db(), 'SELECT auth_status, failed_logins FROM users WHERE id = $1', [user.id]);
    expect(before).toEqual({ auth_status: 'ACTIVE', failed_logins: 2 });
    await run.api.post('/api/auth/login', { username: user.username, password: 'wrong-Passw0rd' });
    expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(423);
    expect((await run.admin.get(`/api/users?authStatus=LOCKED&q=${user.username}`)).body.total).toBe(1);
    const activated = await run.admin.post(`/api/users/${user.id}/activate`);
    expect(activated.body.authStatus).toBe('ACTIVE');
    const [row] = await adminQuery(db(), 'SELECT failed_logins FROM users WHERE id = $1', [user.id]);
    expect(row.failed_logins).toBe(0);
    expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(200);
  });

  it('mails the username and the login URL to the primary email when asked, and only then', async () => {
    const silent = await createUser();
    const invited = await createUser({ sendInvitation: true });
    const invitation = await mail.waitFor(invited.email, 'invited');
    expect(invitation.text).toContain(`Username: ${invited.username}`);
    expect(firstLink(invitation).pathname).toBe('/api/auth/login');
    expect(invitation.text).not.toContain(invited.password);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(mail.mailsTo(silent.email)).toEqual([]);
  });
});
