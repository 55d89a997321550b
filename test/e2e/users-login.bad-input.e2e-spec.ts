import { adminQuery } from '@app/testing';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

/** Everything that could have been written by a create: users, their roles, and the outbox. */
async function identityCounts(run: RunningSuite) {
  const [row] = await adminQuery(
    run.environment.databases.identity,
    'SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_roles) AS roles, (SELECT count(*) FROM outbox) AS events',
  );
  return row;
}

describe('bad input on user creation, login, path ids and query parameters', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const randomUuid = '6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11';
  const cases: [string, (r: RunningSuite) => Record<string, unknown> | string, string][] = [
    ['an unknown field', (r) => newUserBody(r.ids, { isAdmin: true }), 'isAdmin'],
    ['username of the wrong type', (r) => newUserBody(r.ids, { username: 42 }), 'username'],
    ['a missing first name', (r) => newUserBody(r.ids, { firstName: undefined }), 'firstName'],
    ['a malformed email', (r) => newUserBody(r.ids, { primaryEmail: 'not-an-email' }), 'primaryEmail'],
    ['enabled as a string', (r) => newUserBody(r.ids, { enabled: 'yes' }), 'enabled'],
    ['no role at all', (r) => newUserBody(r.ids, { roles: [] }), 'roles'],
    ['a role id that is not a UUID', (r) => newUserBody(r.ids, { roles: [{ roleId: 'admin' }] }), 'roles.0.roleId'],
    ['an unknown role', (r) => newUserBody(r.ids, { roles: [{ roleId: randomUuid }] }), 'roles.0.roleId'],
    ['an unknown owner business unit', (r) => newUserBody(r.ids, { ownerBusinessUnitId: randomUuid }), 'ownerBusinessUnitId'],
    ['an unknown organization', (r) => newUserBody(r.ids, { organizationIds: [randomUuid] }), 'organizationIds'],
    ['a weak password', (r) => newUserBody(r.ids, { password: 'short', passwordConfirm: 'short' }), 'password'],
    ['a mismatched confirmation', (r) => newUserBody(r.ids, { passwordConfirm: 'Str0ng-Passwordd' }), 'passwordConfirm'],
    ['the admin username in another case', (r) => newUserBody(r.ids, { username: 'ADMIN' }), 'username'],
    ['a huge first name', (r) => newUserBody(r.ids, { firstName: 'x'.repeat(10_000) }), 'firstName'],
    ['a JSON array instead of an object', () => '[1,2,3]', '(body)'],
  ];

  it.each(cases)('POST /api/users with %s is a 400 naming %s, and nothing is written', async (_what, body, field) => {
    const before = await identityCounts(run);
    const response = await run.admin.post('/api/users', body(run));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
    expect(response.body.message).toContain(field);
    expect(await identityCounts(run)).toEqual(before);
  });

  it('malformed JSON is a 400 in the error shape, not a 500', async () => {
    const response = await run.admin.post('/api/users', '{"username": ');
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(typeof response.body.message).toBe('string');
  });

  it.each([
    ['no username', { password: 'x' }, 'username'],
    ['a number as password', { username: 'admin', password: 12 }, 'password'],
    ['an unknown field', { username: 'admin', password: 'x', remember: true }, 'remember'],
    ['roles that are not a list', { username: 'admin', password: 'x', roles: 'ADMINISTRATOR' }, 'roles'],
    ['an organization id that is not a UUID', { username: 'admin', password: 'x', organizationId: 'main' }, 'organizationId'],
  ])('login with %s is a 400 naming %s', async (_what, body, field) => {
    const response = await run.api.post('/api/auth/login', body);
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toContain(field);
  });

  it('login refuses a role the user does not hold, naming it, in the body and in the URL', async () => {
    const password = run.environment.env.ADMIN_PASSWORD;
    const inBody = await run.api.post('/api/auth/login', { username: 'admin', password, roles: ['Sales'] });
    expect(inBody.status).toBe(400);
    expect(inBody.body.message).toContain('Sales');
    const inUrl = await run.api.post(`/api/auth/login?roles=${encodeURIComponent('Käufer,ADMINISTRATOR')}`, { username: 'admin', password });
    expect(inUrl.status).toBe(400);
    expect(inUrl.body.message).toContain('Käufer');
  });

  it('a wrong password and an unknown user get the same 401', async () => {
    const wrong = await run.api.post('/api/auth/login', { username: 'admin', password: 'nope' });
    const unknown = await run.api.post('/api/auth/login', { username: 'nobody-here', password: 'nope' });
    expect(wrong.status).toBe(401);
    expect(unknown.body).toEqual(wrong.body);
  });

  it('a path id that is not a UUID is a 400 naming it', async () => {
    const response = await run.admin.get('/api/portal/users/not-a-uuid/access');
    expect(response.status).toBe(400);
    expect(response.body.details).toEqual([{ field: 'userId', messages: ['userId must be a UUID'] }]);
  });

  it('a bad query parameter is a 400 naming it', async () => {
    const response = await run.admin.get('/api/tickets/user-security?status=LOST&limit=0');
    expect(response.status).toBe(400);
    expect(response.body.details.map((d: { field: string }) => d.field)).toEqual(['status', 'limit']);
  });
});
