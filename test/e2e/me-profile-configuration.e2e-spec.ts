import { adminQuery } from '@app/testing';
import { createUser as createSuiteUser, RunningSuite, startWholeSuite } from './suite-fixture';

describe('me: own profile and configuration', () => {
  let run: RunningSuite;
  const db = () => run.environment.databases.identity;
  const createUser = (overrides: Record<string, unknown> = {}) => createSuiteUser(run, overrides);

  beforeAll(async () => {
    run = await startWholeSuite();
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('lets a user edit their own profile but not their roles', async () => {
    const role = (await run.admin.post('/api/roles', { name: 'Nobody', permissions: [], capabilities: [] })).body;
    const user = await createUser({ roles: [{ roleId: role.id, default: true }] });
    const session = await run.api.login(user.username, user.password);
    expect((await session.get('/api/me/profile')).body.username).toBe(user.username);
    const edited = await session.patch('/api/me/profile', { middleName: 'Marie', birthday: '1990-01-02' });
    expect(edited.body).toMatchObject({ middleName: 'Marie', birthday: '1990-01-02' });
    const roles = await session.patch('/api/me/profile', { roles: [{ roleId: run.ids.administratorRoleId }] });
    expect(roles.status).toBe(400);
    expect(roles.body.details[0].field).toBe('roles');
    expect((await session.get(`/api/users/${user.id}`)).status).toBe(403);
  });

  it('gives defaults, stores per organization, and lets an administrator configure a user', async () => {
    const user = await createUser();
    const session = await run.api.login(user.username, user.password);
    const defaults = await session.get('/api/me/configuration');
    expect(defaults.body).toMatchObject({ organizationId: run.ids.organizationId, customized: [], settings: { locale: 'en-US', timeZone: 'UTC' } });
    const mine = await session.put('/api/me/configuration', { locale: 'de-DE', timeZone: 'Europe/Berlin', firstDayOfWeek: 'MONDAY' });
    expect(mine.body).toMatchObject({ customized: ['firstDayOfWeek', 'locale', 'timeZone'], settings: { locale: 'de-DE', timeZone: 'Europe/Berlin', dateFormat: 'yyyy-MM-dd' } });
    const byAdmin = await run.admin.get(`/api/users/${user.id}/configuration`);
    expect(byAdmin.body.settings.timeZone).toBe('Europe/Berlin');
    await run.admin.put(`/api/users/${user.id}/configuration`, { timeZone: 'America/New_York' });
    expect((await session.get('/api/me/configuration')).body.settings).toMatchObject({ timeZone: 'America/New_York', locale: 'en-US' });
    const [row] = await adminQuery(db(), 'SELECT settings FROM user_configurations WHERE user_id = $1', [user.id]);
    expect(row.settings).toEqual({ timeZone: 'America/New_York' });
  });
});
