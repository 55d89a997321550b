import { adminQuery, eventually, firstLink, MailCatcher } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** Password change, suggestion, and reset of one and many users followed through the mailed links. */
describe('users: passwords', () => {
  let run: RunningSuite;
  let mail: MailCatcher;

  beforeAll(async () => {
    mail = await MailCatcher.start();
    run = await startWholeSuite({ SMTP_URL: mail.url, PUBLIC_URL: 'http://crm.example.test:8080', LOGIN_RATE_PER_ADDRESS: '1000' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await mail?.stop();
  });

  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  const login = (username: string, password: string) => run.api.post('/api/auth/login', { username, password });
  const userRow = async (id: string) =>
    (await adminQuery(run.environment.databases.identity, 'SELECT auth_status, failed_logins, password_hash FROM users WHERE id = $1', [id]))[0];

  /** Follows a mailed reset link: the link names the confirm route and carries the token. */
  async function confirmThroughLink(email: string, password: string) {
    const link = firstLink(await mail.waitFor(email, 'Set a new password'));
    expect(link.origin).toBe('http://crm.example.test:8080');
    expect(link.pathname).toBe('/api/auth/password-reset/confirm');
    const token = link.searchParams.get('token')!;
    return { token, response: await run.api.post(link.pathname, { token, password, passwordConfirm: password }) };
  }

  it('suggests strong passwords that meet the policy and are accepted as one', async () => {
    const suggestions = new Set<string>();
    for (let i = 0; i < 5; i++) {
      const response = await run.admin.get('/api/users/password-suggestion');
      expect(response.status).toBe(200);
      const { password } = response.body;
      expect(password.length).toBeGreaterThanOrEqual(16);
      for (const kind of [/\p{Ll}/u, /\p{Lu}/u, /\p{Nd}/u]) expect(password).toMatch(kind);
      suggestions.add(password);
    }
    expect(suggestions.size).toBe(5);
    const user = await createUser();
    const suggested = [...suggestions][0];
    const changed = await run.admin.post(`/api/users/${user.id}/password`, { password: suggested, passwordConfirm: suggested });
    expect(changed.status).toBe(200);
    expect((await login(user.username, suggested)).status).toBe(200);
  });

  it('an administrator changes a password: the old one stops working, sessions end, the user gets a mail', async () => {
    const user = await createUser();
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/me')).status).toBe(200);
    const hashBefore = (await userRow(user.id)).password_hash;

    const response = await run.admin.post(`/api/users/${user.id}/password`, { password: 'N3w-Secret-Pass', passwordConfirm: 'N3w-Secret-Pass' });
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: user.id, authStatus: 'ACTIVE' });

    const row = await userRow(user.id);
    expect(row.password_hash).not.toBe(hashBefore);
    expect(row.password_hash).toMatch(/^\$argon2id\$/);
    expect((await login(user.username, user.password)).status).toBe(401);
    expect((await login(user.username, 'N3w-Secret-Pass')).status).toBe(200);
    const [ended] = await adminQuery(run.environment.databases.identity, 'SELECT end_reason FROM sessions WHERE user_id = $1 ORDER BY created_at LIMIT 1', [user.id]);
    expect(ended.end_reason).toBe('PASSWORD_CHANGED');
    // Well within the gateway's session cache (5 s): identity.user.password_changed dropped it.
    await eventually(async () => ((await session.get('/api/me')).status === 401 ? true : undefined), 2_000);

    const notice = await mail.waitFor(user.email, 'password was changed');
    expect(notice.text).toContain(user.username);
    expect(notice.text).not.toContain('N3w-Secret-Pass');
  });

  it('resets one user: login refused with PASSWORD_RESET until the mailed link sets a new password, once', async () => {
    const user = await createUser();
    const session = await run.api.login(user.username, user.password);

    const reset = await run.admin.post(`/api/users/${user.id}/password-reset`);
    expect(reset.status).toBe(200);
    expect(reset.body.items).toEqual([expect.objectContaining({ id: user.id, authStatus: 'PASSWORD_RESET' })]);
    expect((await userRow(user.id)).auth_status).toBe('PASSWORD_RESET');

    const refused = await login(user.username, user.password);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('PASSWORD_RESET');
    const [ended] = await adminQuery(run.environment.databases.identity, 'SELECT end_reason FROM sessions WHERE user_id = $1', [user.id]);
    expect(ended.end_reason).toBe('PASSWORD_RESET');
    await eventually(async () => ((await session.get('/api/me')).status === 401 ? true : undefined), 15_000);
    const events = await adminQuery(
      run.environment.databases.identity,
      `SELECT envelope FROM outbox WHERE type = 'identity.user.password_reset' AND envelope->'data'->>'id' = $1`,
      [user.id],
    );
    expect(events).toHaveLength(1);

    const { token, response } = await confirmThroughLink(user.email, 'Fr3sh-Password');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ id: user.id, authStatus: 'ACTIVE' });
    const row = await userRow(user.id);
    expect(row).toMatchObject({ auth_status: 'ACTIVE', failed_logins: 0 });
    const [stored] = await adminQuery(run.environment.databases.identity, 'SELECT token_hash, used_at FROM password_reset_tokens WHERE user_id = $1', [user.id]);
    expect(stored.token_hash).not.toContain(token);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
    expect(stored.used_at).not.toBeNull();

    expect((await login(user.username, 'Fr3sh-Password')).status).toBe(200);
    expect((await login(user.username, user.password)).status).toBe(401);

    const again = await run.api.post('/api/auth/password-reset/confirm', { token, password: 'An0ther-Password', passwordConfirm: 'An0ther-Password' });
    expect(again.status).toBe(400);
    expect(again.body.details).toEqual([{ field: 'token', messages: ['token has already been used'] }]);
    expect((await login(user.username, 'Fr3sh-Password')).status).toBe(200);
  });

  it('resets many users at once; each gets their own link, and a second reset replaces the first link', async () => {
    const users = [await createUser(), await createUser(), await createUser()];
    const reset = await run.admin.post('/api/users/password-reset', { userIds: users.map((u) => u.id) });
    expect(reset.status).toBe(200);
    expect(reset.body.items.map((i: { id: string }) => i.id).sort()).toEqual(users.map((u) => u.id).sort());
    for (const user of users) expect((await login(user.username, user.password)).body.code).toBe('PASSWORD_RESET');

    const tokens = await Promise.all(users.map(async (u) => firstLink(await mail.waitFor(u.email, 'Set a new password')).searchParams.get('token')));
    expect(new Set(tokens).size).toBe(3);

    // The third user is reset again before using the first link: only the newest link works.
    const [first, second, third] = users;
    const oldLink = mail.mailsTo(third.email).length;
    expect((await run.admin.post(`/api/users/${third.id}/password-reset`)).status).toBe(200);
    await eventually(async () => (mail.mailsTo(third.email).length > oldLink ? true : undefined), 15_000);
    const stale = await run.api.post('/api/auth/password-reset/confirm', { token: tokens[2], password: 'Thr33-Password', passwordConfirm: 'Thr33-Password' });
    expect(stale.status).toBe(400);
    expect(stale.body.details[0].field).toBe('token');
    const newest = firstLink(mail.mailsTo(third.email).at(-1)!).searchParams.get('token')!;

    for (const [user, token] of [[first, tokens[0]], [second, tokens[1]], [third, newest]] as const) {
      const done = await run.api.post('/api/auth/password-reset/confirm', { token, password: `${user.username}-Pw1`, passwordConfirm: `${user.username}-Pw1` });
      expect(done.status).toBe(200);
      expect((await login(user.username, `${user.username}-Pw1`)).status).toBe(200);
    }
  });

  it('a weak new password through the link is refused naming the field, and the token stays usable', async () => {
    const user = await createUser();
    await run.admin.post(`/api/users/${user.id}/password-reset`);
    const link = firstLink(await mail.waitFor(user.email, 'Set a new password'));
    const token = link.searchParams.get('token')!;
    const weak = await run.api.post(link.pathname, { token, password: 'weak', passwordConfirm: 'weak' });
    expect(weak.status).toBe(400);
    expect(weak.body.details.map((d: { field: string }) => d.field)).toEqual(['password']);
    expect((await userRow(user.id)).auth_status).toBe('PASSWORD_RESET');
    expect((await run.api.post(link.pathname, { token, password: 'G00d-Password', passwordConfirm: 'G00d-Password' })).status).toBe(200);
  });

  it('needs User EDIT: without a session the routes are 401, the confirm route is public', async () => {
    const user = await createUser();
    expect((await run.api.post(`/api/users/${user.id}/password`, { password: 'x', passwordConfirm: 'x' })).status).toBe(401);
    expect((await run.api.post(`/api/users/${user.id}/password-reset`)).status).toBe(401);
    expect((await run.api.post('/api/users/password-reset', { userIds: [user.id] })).status).toBe(401);
    expect((await run.api.get('/api/users/password-suggestion')).status).toBe(401);
    expect((await run.api.post('/api/auth/password-reset/confirm', { token: 'nope', password: 'G00d-Password', passwordConfirm: 'G00d-Password' })).status).toBe(400);
  });
});
