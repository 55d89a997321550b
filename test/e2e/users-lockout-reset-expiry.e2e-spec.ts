import { adminQuery, firstLink, MailCatcher } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

/** Lockout after LOGIN_MAX_FAILURES (3 here) and reset links that expire (PASSWORD_RESET_TTL 2s here). */
describe('users: lockout and expiring reset links', () => {
  let run: RunningSuite;
  let mail: MailCatcher;

  beforeAll(async () => {
    mail = await MailCatcher.start();
    run = await startWholeSuite({ SMTP_URL: mail.url, LOGIN_MAX_FAILURES: '3', PASSWORD_RESET_TTL: '2s', LOGIN_RATE_PER_ADDRESS: '1000' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await mail?.stop();
  });

  const createUser = () => createSuiteUser(run);

  const login = (username: string, password: string) => run.api.post('/api/auth/login', { username, password });

  it('locks after 3 wrong passwords in a row: then 423 LOCKED even with the right one, sessions ended, identity.user.locked in the outbox', async () => {
    const user = await createUser();
    const session = await run.api.login(user.username, user.password);
    for (let attempt = 1; attempt <= 2; attempt++) expect((await login(user.username, `wrong-${attempt}`)).status).toBe(401);
    const [counting] = await adminQuery(run.environment.databases.identity, 'SELECT auth_status, failed_logins FROM users WHERE id = $1', [user.id]);
    expect(counting).toEqual({ auth_status: 'ACTIVE', failed_logins: 2 });

    expect((await login(user.username, 'wrong-3')).status).toBe(401);
    const locked = await login(user.username, user.password);
    expect(locked.status).toBe(423);
    expect(locked.body).toMatchObject({ statusCode: 423, code: 'LOCKED' });

    const [row] = await adminQuery(run.environment.databases.identity, 'SELECT auth_status, failed_logins FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ auth_status: 'LOCKED', failed_logins: 3 });
    const events = await adminQuery<{ envelope: { type: string; data: { id: string } } }>(
      run.environment.databases.identity,
      `SELECT envelope FROM outbox WHERE type = 'identity.user.locked' AND envelope->'data'->>'id' = $1`,
      [user.id],
    );
    expect(events).toHaveLength(1);
    expect(events[0].envelope).toMatchObject({ type: 'identity.user.locked', source: 'identity', data: { id: user.id } });
    const open = await adminQuery(run.environment.databases.identity, 'SELECT count(*)::int AS n FROM sessions WHERE user_id = $1 AND ended_at IS NULL', [user.id]);
    expect(open[0].n).toBe(0);
    expect((await session.get('/api/me')).status).not.toBe(200);
  });

  it('a right password in between starts the count again', async () => {
    const user = await createUser();
    expect((await login(user.username, 'wrong')).status).toBe(401);
    expect((await login(user.username, 'wrong')).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(200);
    expect((await login(user.username, 'wrong')).status).toBe(401);
    expect((await login(user.username, user.password)).status).toBe(200);
  });

  it('an expired reset link is refused naming token, and the user stays in PASSWORD_RESET', async () => {
    const user = await createUser();
    expect((await run.admin.post(`/api/users/${user.id}/password-reset`)).status).toBe(200);
    const link = firstLink(await mail.waitFor(user.email, 'Set a new password'));
    const token = link.searchParams.get('token')!;
    const [stored] = await adminQuery(run.environment.databases.identity, 'SELECT extract(epoch FROM expires_at - created_at)::float AS ttl FROM password_reset_tokens WHERE user_id = $1', [user.id]);
    expect(stored.ttl).toBeGreaterThan(1.5);
    expect(stored.ttl).toBeLessThan(2.5);
    await new Promise((resolve) => setTimeout(resolve, 2500));

    const expired = await run.api.post(link.pathname, { token, password: 'Late-Passw0rd', passwordConfirm: 'Late-Passw0rd' });
    expect(expired.status).toBe(400);
    expect(expired.body.details).toEqual([{ field: 'token', messages: [expect.stringContaining('expired')] }]);
    const [row] = await adminQuery(run.environment.databases.identity, 'SELECT auth_status FROM users WHERE id = $1', [user.id]);
    expect(row.auth_status).toBe('PASSWORD_RESET');
    expect((await login(user.username, 'Late-Passw0rd')).status).toBe(401);
    expect((await login(user.username, user.password)).body.code).toBe('PASSWORD_RESET');
  });
});
