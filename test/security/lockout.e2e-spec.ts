import { adminQuery, eventually, GatewayClient, MailCatcher, startSuite } from '@app/testing';
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { EventTap } from './event-tap';

/**
 * Lockout of DESIGN.md section 5 as an attacker meets it: wrong passwords lock (for good by default,
 * for a growing wait with LOCKOUT_MODE=temporary), the user is mailed, `identity.user.unlocked`
 * reports every end of a lock, and an operator can always bring an administrator back from the shell.
 */
const ROOT = resolve(__dirname, '../..');
const UNLOCKED = 'identity.user.unlocked';
const NO_RATE_LIMIT = { LOGIN_RATE_PER_ACCOUNT: '1000', LOGIN_RATE_PER_ADDRESS: '1000' };

interface Lab {
  run: RunningSuite;
  mail: MailCatcher;
  tap: EventTap;
}

async function startLab(overrides: Record<string, string>): Promise<Lab> {
  const mail = await MailCatcher.start();
  const run = await startWholeSuite({ SMTP_URL: mail.url, ...NO_RATE_LIMIT, ...overrides });
  const tap = await EventTap.start(run.environment.amqpUrl, [UNLOCKED]);
  return { run, mail, tap };
}

async function stopLab(lab: Lab | undefined): Promise<void> {
  await lab?.tap.stop();
  await lab?.run.suite.stop();
  await lab?.run.environment.dispose();
  await lab?.mail.stop();
}

const login = (lab: Lab, username: string, password: string) => lab.run.api.post('/api/auth/login', { username, password });

/** `npm run user:activate -- <username>` with the run's settings, as an operator would type it. */
function userActivate(lab: Lab, username: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) =>
    execFile('npm', ['run', '-s', 'user:activate', '--', username], { cwd: ROOT, env: { ...process.env, ...lab.run.environment.env }, timeout: 60_000 }, (error, stdout, stderr) =>
      done({ code: error ? Number(error.code ?? -1) : 0, stdout, stderr }),
    ),
  );
}

const unlockedRows = (lab: Lab, userId: string) =>
  adminQuery<{ envelope: { data: { id: string; reason: string } } }>(
    lab.run.environment.databases.identity,
    `SELECT envelope FROM outbox WHERE type = $1 AND envelope->'data'->>'id' = $2 ORDER BY seq`,
    [UNLOCKED, userId],
  );

describe('lockout, temporary mode: a wait that grows with each lock in a row', () => {
  let lab: Lab;

  beforeAll(async () => {
    lab = await startLab({ LOCKOUT_MODE: 'temporary', LOCKOUT_DURATION: '2s', LOCKOUT_MAX_DURATION: '1h', LOGIN_MAX_FAILURES: '3' });
  });

  afterAll(() => stopLab(lab));

  /** Three wrong passwords from an anonymous client, each a plain 401. */
  const lockOut = async (username: string, fromFailure = 1) => {
    for (let attempt = fromFailure; attempt <= 3; attempt++) {
      const answer = await login(lab, username, `Wrong-Passw0rd-${attempt}`);
      expect({ attempt, status: answer.status, code: answer.body.code }).toEqual({ attempt, status: 401, code: 'INVALID_CREDENTIALS' });
    }
  };

  /** The lock as a login with the right password meets it: 423 LOCKED, Retry-After in whole seconds. */
  const lockedAnswer = async (username: string, password: string) => {
    const answer = await login(lab, username, password);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 423, code: 'LOCKED' });
    const retryAfter = answer.headers.get('retry-after');
    expect(retryAfter).toMatch(/^[1-9]\d*$/);
    expect(answer.body.message).toMatch(/locked until \S+Z; try again in \d+ s/);
    return Number(retryAfter);
  };

  it('locks for a while, ends the lock by itself, makes the next lock in a row longer, and starts again after a successful login', async () => {
    const user = await createUser(lab.run);
    await lockOut(user.username);
    const firstWait = await lockedAnswer(user.username, user.password);

    // Polling with a wrong password: once the lock has ended the attempt is judged, and counts as failure 1.
    await eventually(async () => ((await login(lab, user.username, 'Wrong-Passw0rd-1')).status === 401 ? true : undefined), 30_000, 200);
    expect(await lab.tap.waitFor(UNLOCKED, { id: user.id, reason: 'EXPIRED' })).toMatchObject({ source: 'identity' });
    await lockOut(user.username, 2);
    const secondWait = await lockedAnswer(user.username, user.password);
    expect(secondWait).toBeGreaterThan(firstWait);

    // The right password gets in once the second lock has ended, and the locks in a row start again.
    const loggedIn = await eventually(async () => {
      const answer = await login(lab, user.username, user.password);
      return answer.status === 423 ? undefined : answer;
    }, 30_000, 200);
    expect(loggedIn.value.status).toBe(200);
    await eventually(async () => (lab.tap.of(UNLOCKED, user.id).length === 2 ? true : undefined), 15_000);
    expect(lab.tap.of(UNLOCKED, user.id).map((event) => event.data)).toEqual([
      { id: user.id, reason: 'EXPIRED' },
      { id: user.id, reason: 'EXPIRED' },
    ]);
    await lockOut(user.username);
    expect(await lockedAnswer(user.username, user.password)).toBeLessThan(secondWait);

    const [row] = await adminQuery(lab.run.environment.databases.identity, 'SELECT auth_status, lock_count, locked_until IS NOT NULL AS timed FROM users WHERE id = $1', [user.id]);
    expect(row).toEqual({ auth_status: 'LOCKED', lock_count: 1, timed: true });
  });

  it('mails the user when locked, saying when to try again and never a password', async () => {
    const user = await createUser(lab.run);
    await lockOut(user.username);
    const mail = await lab.mail.waitFor(user.email, 'locked');
    expect(mail.text).toContain(user.username);
    expect(mail.text).toMatch(/try again after \S+Z/);
    for (const secret of [user.password, 'Wrong-Passw0rd']) expect(mail.raw).not.toContain(secret);
  });

  it('never locks a username that does not exist: it stays a 401 like a wrong password', async () => {
    for (let attempt = 1; attempt <= 5; attempt++) {
      const answer = await login(lab, 'nobody.at.all', `Wrong-Passw0rd-${attempt}`);
      expect({ attempt, status: answer.status, body: answer.body, retryAfter: answer.headers.get('retry-after') }).toEqual({
        attempt,
        status: 401,
        body: { statusCode: 401, error: 'Unauthorized', message: 'The username or the password is wrong.', code: 'INVALID_CREDENTIALS' },
        retryAfter: null,
      });
    }
  });
});

describe('lockout, permanent mode (the default): until someone activates', () => {
  let lab: Lab;
  const adminPassword = () => lab.run.environment.env.ADMIN_PASSWORD;

  beforeAll(async () => {
    lab = await startLab({});
  });

  afterAll(() => stopLab(lab));

  it("Activate by an administrator ends a lock with reason ACTIVATED; activating a user who is not locked reports nothing", async () => {
    const user = await createUser(lab.run);
    for (let attempt = 1; attempt <= 5; attempt++) expect((await login(lab, user.username, `Wrong-Passw0rd-${attempt}`)).status).toBe(401);
    const locked = await login(lab, user.username, user.password);
    expect({ status: locked.status, code: locked.body.code, retryAfter: locked.headers.get('retry-after') }).toEqual({ status: 423, code: 'LOCKED', retryAfter: null });
    expect((await lab.mail.waitFor(user.email, 'locked')).text).toContain('until an administrator activates it');

    const activated = await lab.run.admin.post(`/api/users/${user.id}/activate`);
    expect({ status: activated.status, authStatus: activated.body.authStatus }).toEqual({ status: 200, authStatus: 'ACTIVE' });
    expect(await lab.tap.waitFor(UNLOCKED, { id: user.id, reason: 'ACTIVATED' })).toMatchObject({ source: 'identity' });
    expect((await login(lab, user.username, user.password)).status).toBe(200);

    expect((await lab.run.admin.post(`/api/users/${user.id}/activate`)).status).toBe(200);
    expect((await unlockedRows(lab, user.id)).map((row) => row.envelope.data)).toEqual([{ id: user.id, reason: 'ACTIVATED' }]);
  });

  it('the operator script names an unknown user and exits with 1', async () => {
    const result = await userActivate(lab, 'no.such.user');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('There is no user "no.such.user"');
  });

  it('five anonymous wrong passwords lock the administrator for good, and `npm run user:activate -- admin` brings them back', async () => {
    const [{ id: adminId }] = await adminQuery<{ id: string }>(lab.run.environment.databases.identity, "SELECT id FROM users WHERE username = 'admin'");
    const anonymous = new GatewayClient(lab.run.environment.gatewayUrl);
    for (let attempt = 1; attempt <= 5; attempt++) {
      expect((await anonymous.post('/api/auth/login', { username: 'admin', password: `Guess-${attempt}` })).status).toBe(401);
    }
    expect((await login(lab, 'admin', adminPassword())).body.code).toBe('LOCKED');
    // The lock ended the administrator's sessions (the gateway drops its cached one on identity.user.locked).
    await eventually(async () => ((await lab.run.admin.get('/api/me')).status === 401 ? true : undefined), 15_000, 100);
    await lab.mail.waitFor('admin@example.invalid', 'locked');

    // The username is matched whatever its case.
    const result = await userActivate(lab, 'ADMIN');
    expect({ code: result.code, stderr: result.stderr }).toEqual({ code: 0, stderr: '' });
    expect(result.stdout).toContain('is ACTIVE again');

    lab.run.admin = await lab.run.api.login('admin', adminPassword());
    expect((await lab.run.admin.get('/api/me')).status).toBe(200);
    expect(await lab.tap.waitFor(UNLOCKED, { id: adminId, reason: 'OPERATOR' })).toMatchObject({ source: 'identity', type: UNLOCKED });
    const [row] = await adminQuery(lab.run.environment.databases.identity, 'SELECT auth_status, failed_logins, lock_count, locked_until FROM users WHERE id = $1', [adminId]);
    expect(row).toEqual({ auth_status: 'ACTIVE', failed_logins: 0, lock_count: 0, locked_until: null });
  });

  it('the operator script works while identity is down: the event waits in the outbox and goes out when identity is back', async () => {
    const user = await createUser(lab.run);
    for (let attempt = 1; attempt <= 5; attempt++) await login(lab, user.username, `Wrong-Passw0rd-${attempt}`);
    expect((await login(lab, user.username, user.password)).status).toBe(423);
    await lab.run.suite.stop();

    const result = await userActivate(lab, user.username);
    expect(result.code).toBe(0);
    const [pending] = await unlockedRows(lab, user.id);
    expect(pending.envelope.data).toEqual({ id: user.id, reason: 'OPERATOR' });

    lab.run.suite = await startSuite(lab.run.environment);
    expect(await lab.tap.waitFor(UNLOCKED, { id: user.id, reason: 'OPERATOR' })).toMatchObject({ source: 'identity' });
    expect((await login(lab, user.username, user.password)).status).toBe(200);
  });
});
