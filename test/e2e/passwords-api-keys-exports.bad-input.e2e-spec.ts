import { adminQuery } from '@app/testing';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

/** Everything a credentials route could write; a refused request must leave all of it as it was. */
async function identityState(run: RunningSuite) {
  const [row] = await adminQuery(
    run.environment.databases.identity,
    `SELECT (SELECT count(*) FROM users) AS users,
            (SELECT string_agg(auth_status || password_hash, ',' ORDER BY id) FROM users) AS credentials,
            (SELECT count(*) FROM sessions WHERE ended_at IS NULL) AS open_sessions,
            (SELECT count(*) FROM password_reset_tokens) AS tokens,
            (SELECT count(*) FILTER (WHERE used_at IS NOT NULL) FROM password_reset_tokens) AS spent,
            (SELECT string_agg(key_hash, ',' ORDER BY id) FROM api_keys) AS keys,
            (SELECT count(*) FROM export_jobs) AS exports,
            (SELECT count(*) FROM outbox) AS events`,
  );
  return row;
}

describe('passwords, password resets, API keys and exports: bad input is a 400 naming the field and writes nothing', () => {
  let run: RunningSuite;
  let userId: string;
  let otherOrganizationId: string;
  const unknownId = '6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11';
  const spentToken = 'spent-token-for-the-test';

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '1000' });
    userId = (await run.admin.post('/api/users', newUserBody(run.ids))).body.id;
    // An organization the user does not belong to, and a reset token that is already spent.
    [{ id: otherOrganizationId }] = await adminQuery(run.environment.databases.identity, `INSERT INTO organizations (name) VALUES ('Elsewhere') RETURNING id`);
    const { createHash } = await import('node:crypto');
    await adminQuery(
      run.environment.databases.identity,
      `INSERT INTO password_reset_tokens (user_id, token_hash, expires_at, used_at) VALUES ($1, $2, now() + interval '1 day', now()),
              ($1, $3, now() - interval '1 minute', NULL)`,
      [userId, createHash('sha256').update(spentToken).digest('hex'), createHash('sha256').update('expired-token-for-the-test').digest('hex')],
    );
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const good = { password: 'G00d-Password', passwordConfirm: 'G00d-Password' };
  const cases: [string, string, () => string, Record<string, unknown> | string, string][] = [
    ['a weak password', 'POST', () => `/api/users/${userId}/password`, { password: 'short', passwordConfirm: 'short' }, 'password'],
    ['a password without digits or capitals', 'POST', () => `/api/users/${userId}/password`, { password: 'longbutlowercase', passwordConfirm: 'longbutlowercase' }, 'password'],
    ['a mismatched confirmation', 'POST', () => `/api/users/${userId}/password`, { password: 'G00d-Password', passwordConfirm: 'G00d-Passw0rd' }, 'passwordConfirm'],
    ['a missing confirmation', 'POST', () => `/api/users/${userId}/password`, { password: 'G00d-Password' }, 'passwordConfirm'],
    ['a password that is a number', 'POST', () => `/api/users/${userId}/password`, { password: 12345678, passwordConfirm: 12345678 }, 'password'],
    ['an unknown field on a password change', 'POST', () => `/api/users/${userId}/password`, { ...good, notify: false }, 'notify'],
    ['a user id that is not a UUID', 'POST', () => '/api/users/not-a-uuid/password', good, 'id'],
    ['an unknown token', 'POST', () => '/api/auth/password-reset/confirm', { token: 'no-such-token', ...good }, 'token'],
    ['a spent token', 'POST', () => '/api/auth/password-reset/confirm', { token: spentToken, ...good }, 'token'],
    ['an expired token', 'POST', () => '/api/auth/password-reset/confirm', { token: 'expired-token-for-the-test', ...good }, 'token'],
    ['no token at all', 'POST', () => '/api/auth/password-reset/confirm', good, 'token'],
    ['an empty token', 'POST', () => '/api/auth/password-reset/confirm', { token: '', ...good }, 'token'],
    ['a weak password with a good-looking token', 'POST', () => '/api/auth/password-reset/confirm', { token: spentToken, password: 'weak', passwordConfirm: 'weak' }, 'password'],
    ['an unknown field on confirm', 'POST', () => '/api/auth/password-reset/confirm', { token: 'x', ...good, userId: unknownId }, 'userId'],
    ['empty userIds', 'POST', () => '/api/users/password-reset', { userIds: [] }, 'userIds'],
    ['userIds that are not UUIDs', 'POST', () => '/api/users/password-reset', { userIds: ['admin'] }, 'userIds'],
    ['userIds that is not a list', 'POST', () => '/api/users/password-reset', { userIds: 'all' }, 'userIds'],
    ['an unknown user among known ones', 'POST', () => '/api/users/password-reset', () => ({ userIds: [userId, unknownId] }), 'userIds'],
    ['a user listed twice', 'POST', () => '/api/users/password-reset', () => ({ userIds: [userId, userId] }), 'userIds'],
    ['an unknown field on the mass reset', 'POST', () => '/api/users/password-reset', () => ({ userIds: [userId], force: true }), 'force'],
    ['an API key for an organization the user is not in', 'POST', () => `/api/users/${userId}/api-key`, () => ({ organizationId: otherOrganizationId }), 'organizationId'],
    ['an API key organization that is not a UUID', 'POST', () => `/api/users/${userId}/api-key`, { organizationId: 'Main' }, 'organizationId'],
    ['an unknown field on an API key', 'POST', () => `/api/users/${userId}/api-key`, { scopes: ['all'] }, 'scopes'],
    ['an unknown export entity', 'POST', () => '/api/exports', { entity: 'Ticket' }, 'entity'],
    ['no export entity', 'POST', () => '/api/exports', {}, 'entity'],
    ['an unknown field on an export', 'POST', () => '/api/exports', { entity: 'User', format: 'xlsx' }, 'format'],
    ['an export id that is not a UUID', 'GET', () => '/api/exports/latest', '', 'id'],
  ] as never;

  it.each(cases.map(([what, method, path, body, field]) => ({ what, method, path, body, field })))('$what is a 400 naming $field, and nothing changes', async ({ method, path, body, field }) => {
    const before = await identityState(run);
    const payload = typeof body === 'function' ? (body as () => unknown)() : body;
    const response = method === 'GET' ? await run.admin.get(path()) : await run.admin.post(path(), payload);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(await identityState(run)).toEqual(before);
  });

  it('unknown users named in the path are a 404 and change nothing', async () => {
    const before = await identityState(run);
    for (const path of [`/api/users/${unknownId}/password-reset`, `/api/users/${unknownId}/api-key`]) {
      expect((await run.admin.post(path, {})).status).toBe(404);
    }
    expect((await run.admin.post(`/api/users/${unknownId}/password`, good)).status).toBe(404);
    expect((await run.admin.get(`/api/exports/${unknownId}`)).status).toBe(404);
    expect(await identityState(run)).toEqual(before);
  });
});
