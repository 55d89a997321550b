import { adminQuery, eventually, firstLink, GatewayClient, MailCatcher } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { createUser, report, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';
import { BusTap } from './bus-tap';
import { describeFindings, findSecrets, Secret } from './secret-scanner';

describe('the secret scanner', () => {
  const secrets = [{ name: 'the password of ada', value: 'S3cret-Pass-Ada' }];

  it('names the secret and the line it found, in plain, JSON-escaped and URL-encoded form', () => {
    const text = 'first line\nlogin of ada with S3cret-Pass-Ada refused\n{"q":"S3cret-Pass-Ada"}\n/x?p=S3cret-Pass-Ada';
    expect(findSecrets('identity log', text, secrets).map((f) => [f.secret, f.source, f.line])).toEqual([
      ['the password of ada', 'identity log', 'login of ada with S3cret-Pass-Ada refused'],
      ['the password of ada', 'identity log', '{"q":"S3cret-Pass-Ada"}'],
      ['the password of ada', 'identity log', '/x?p=S3cret-Pass-Ada'],
    ]);
    expect(findSecrets('bus', 'a "pass\\"word" field', [{ name: 'quoted', value: 'pass"word' }])).toHaveLength(1);
  });

  it('finds any argon2 hash, JWT and API key by its shape, even ones it was not given', () => {
    const hash = '$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2g';
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    const key = `crm_${'0f'.repeat(16)}_${'A'.repeat(43)}`;
    const findings = findSecrets('bus identity.user.created', `{"passwordHash":"${hash}"}\nBearer ${jwt}\nnothing here\nX-API-Key: ${key}`, []);
    expect(findings.map((f) => f.secret)).toEqual(['an argon2 hash ($argon2…$)', 'a JWT (eyJ….eyJ….…)', 'an API key (crm_…_…)']);
    expect(describeFindings(findings)).toContain(`a JWT (eyJ….eyJ….…) in bus identity.user.created: Bearer ${jwt}`);
  });

  it('passes clean lines and refuses to search for a value short enough to match by chance', () => {
    expect(findSecrets('gateway log', 'session.started for ada\nuser locked after 3 failed logins', secrets)).toEqual([]);
    expect(() => findSecrets('log', 'x', [{ name: 'a short one', value: 'abc' }])).toThrow('a short one');
  });
});

/**
 * Issue 9: every password, hash, token and key a run handles is searched for in everything the
 * services printed and everything they published on `suite.events`. RPC (request/reply on
 * `<service>.rpc`) carries credentials by design (the gateway hands identity the login) and is not searched.
 */
describe('secrets stay out of the logs and the bus', () => {
  let run: RunningSuite;
  let mail: MailCatcher;
  let tap: BusTap;
  const secrets: Secret[] = [];
  const keep = (name: string, value: string) => {
    secrets.push({ name, value });
    return value;
  };
  const newPassword = (whose: string) => keep(`the password ${whose}`, `S3cret-${randomBytes(6).toString('hex')}`);
  const identitySql = <T = Record<string, unknown>>(text: string, params: unknown[] = []) => adminQuery<T>(run.environment.databases.identity, text, params);

  /** Logs in; keeps the access token it was given. */
  const login = async (username: string, password: string, extra: Record<string, unknown> = {}) => {
    const response = await run.api.post('/api/auth/login', { username, password, ...extra });
    if (response.status === 200) keep(`the access token of a login of ${username}`, response.body.accessToken);
    return response;
  };

  beforeAll(async () => {
    mail = await MailCatcher.start();
    run = await startWholeSuite({ SMTP_URL: mail.url, LOGIN_MAX_FAILURES: '3', LOGIN_RATE_PER_ADDRESS: '1000' }, async (environment) => {
      tap = await BusTap.start(environment.amqpUrl);
    });
    keep('ADMIN_PASSWORD', run.environment.env.ADMIN_PASSWORD);
    keep('JWT_SECRET', run.environment.env.JWT_SECRET);
    keep('the access token of the first administrator login', run.admin.token!);
  });

  afterAll(async () => {
    await run?.suite.stop();
    await tap?.stop();
    await run?.environment.dispose();
    await mail?.stop();
  });

  it('exercises every route that handles a secret', async () => {
    // Users created with known passwords; logins right, wrong, and with login roles.
    const created = (whose: string) => {
      const password = newPassword(`${whose} was created with`);
      return createUser(run, { password, passwordConfirm: password });
    };
    const ada = await created('ada');
    const bob = await created('bob');
    expect((await login(ada.username, ada.password)).status).toBe(200);
    expect((await login(ada.username, ada.password, { roles: ['ADMINISTRATOR'] })).status).toBe(200);
    expect((await login(ada.username, newPassword('ada never had'))).status).toBe(401);
    expect((await login(`ghost.${ada.username}`, newPassword('of a user that does not exist'))).status).toBe(401);

    // An administrator changes ada's password, with a suggested one.
    const suggested = keep('the suggested password', (await run.admin.get('/api/users/password-suggestion')).body.password);
    expect((await run.admin.post(`/api/users/${ada.id}/password`, { password: suggested, passwordConfirm: suggested })).status).toBe(200);
    const changed = newPassword('ada was given by an administrator');
    expect((await run.admin.post(`/api/users/${ada.id}/password`, { password: changed, passwordConfirm: changed })).status).toBe(200);
    const session = await login(ada.username, changed);
    expect(session.status).toBe(200);

    // A reset of one user, then of several, each confirmed through the mailed link (opened as a browser would, then posted).
    expect((await run.admin.post(`/api/users/${ada.id}/password-reset`)).status).toBe(200);
    const confirmMailed = async (email: string, whose: string, nth: number) => {
      const mails = await eventually(async () => {
        const found = mail.mailsTo(email).filter((m) => m.subject.includes('Set a new password'));
        return found.length >= nth ? found : undefined;
      }, 15_000);
      const link = firstLink(mails.value[nth - 1]);
      const token = keep(`the reset token mailed to ${whose}`, link.searchParams.get('token')!);
      await (await fetch(link.toString().replace(link.origin, run.environment.gatewayUrl))).text();
      const password = newPassword(`${whose} set through a reset link`);
      expect((await run.api.post(link.pathname, { token, password, passwordConfirm: password })).status).toBeLessThan(300);
      return password;
    };
    const adaReset = await confirmMailed(ada.email, 'ada', 1);
    expect((await login(ada.username, adaReset)).status).toBe(200);
    expect((await run.admin.post('/api/users/password-reset', { userIds: [ada.id, bob.id] })).status).toBe(200);
    const adaCurrent = await confirmMailed(ada.email, 'ada', 2);
    expect((await login(ada.username, adaCurrent)).status).toBe(200);
    const bobPassword = await confirmMailed(bob.email, 'bob', 1);

    // API keys: issued, used, replaced; the replaced one refused.
    const first = keep('the first API key of bob', (await run.admin.post(`/api/users/${bob.id}/api-key`, {})).body.apiKey);
    const me = (key: string) => fetch(`${run.environment.gatewayUrl}/api/me`, { headers: { 'x-api-key': key } });
    expect((await me(first)).status).toBe(200);
    const second = keep('the second API key of bob', (await run.admin.post(`/api/users/${bob.id}/api-key`, {})).body.apiKey);
    expect((await me(second)).status).toBe(200);
    expect((await me(first)).status).toBe(401);

    // Bob fails until locked; the right password is then refused too.
    for (let i = 0; i < 3; i += 1) expect((await login(bob.username, newPassword(`bob tried (${i})`))).status).toBe(401);
    expect((await login(bob.username, bobPassword)).body.code).toBe('LOCKED');

    // Logout: the ended session is refused, as is one ended by the password changes before.
    const latest = await login(ada.username, adaCurrent);
    const current = new GatewayClient(run.environment.gatewayUrl, latest.body.accessToken);
    expect((await current.post('/api/auth/logout')).status).toBe(204);
    expect((await current.get('/api/me')).status).toBe(401);
    expect((await run.api.as(session.body.accessToken).get('/api/me')).status).toBe(401);
  });

  it('no password, hash, token, key or the JWT secret appears in any log line or bus message', async () => {
    // Every event the services wrote is published and reached the tap before the search.
    const databases = Object.values(run.environment.databases);
    await eventually(async () => {
      const written = (await Promise.all(databases.map((db) => adminQuery<{ id: string; published: boolean }>(db, 'SELECT event_id AS id, published_at IS NOT NULL AS published FROM outbox')))).flat();
      const tapped = new Set(tap.messages.map((m) => m.messageId));
      return written.every((e) => e.published && tapped.has(e.id)) ? written : undefined;
    }, 15_000);
    for (const row of await identitySql<{ username: string; password_hash: string }>('SELECT username, password_hash FROM users')) keep(`the password hash of ${row.username}`, row.password_hash);
    for (const row of await identitySql<{ hash: string }>('SELECT key_hash AS hash FROM api_keys')) keep('a stored API key hash', row.hash);
    for (const row of await identitySql<{ hash: string }>('SELECT token_hash AS hash FROM password_reset_tokens')) keep('a stored reset token hash', row.hash);

    const logs = run.suite.logs();
    const findings = [
      ...findSecrets('the services\' output', logs, secrets),
      ...tap.messages.flatMap((m) => findSecrets(`bus message ${m.routingKey} ${m.messageId ?? ''}`, `${m.headers}\n${m.body}`, secrets)),
    ];
    report(`searched ${logs.split('\n').length} log lines and ${tap.messages.length} bus messages (${new Set(tap.messages.map((m) => m.routingKey)).size} event types) for ${secrets.length} secrets: ${findings.length} found`);
    expect(describeFindings(findings)).toBe('');
  });
});
