import { adminQuery } from '@app/testing';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

const UNKNOWN = '6b0e1f0e-4a4e-4d57-9a7c-2f1f3f9d8a11';
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(32, 1)]);
const png = (bytes: Buffer = PNG) => ({ contentType: 'image/png', dataBase64: bytes.toString('base64') });

/** Row counts of every table these routes write, and a digest of users and units (catches updates). */
async function identityState(run: RunningSuite) {
  const [row] = await adminQuery(
    run.environment.databases.identity,
    `SELECT (SELECT count(*) FROM users) AS users, (SELECT count(*) FROM user_roles) AS user_roles,
            (SELECT count(*) FROM organizations) AS organizations, (SELECT count(*) FROM business_units) AS units,
            (SELECT count(*) FROM roles) AS roles, (SELECT count(*) FROM security_profiles) AS profiles,
            (SELECT count(*) FROM groups) AS groups, (SELECT count(*) FROM user_groups) AS user_groups,
            (SELECT count(*) FROM user_avatars) AS avatars, (SELECT count(*) FROM user_configurations) AS configurations,
            (SELECT count(*) FROM outbox) AS events,
            (SELECT md5(coalesce(string_agg(u::text, '|' ORDER BY id), '')) FROM users u) AS users_digest,
            (SELECT md5(coalesce(string_agg(b::text, '|' ORDER BY id), '')) FROM business_units b) AS units_digest,
            (SELECT md5(coalesce(string_agg(r::text, '|' ORDER BY id), '')) FROM roles r) AS roles_digest`,
  );
  return row;
}

interface Fixture {
  foreignUnitId: string;
  childUnitId: string;
  grandChildUnitId: string;
  userId: string;
  otherUsername: string;
  otherEmail: string;
  foreignGroupId: string;
}

type Case = [what: string, method: string, path: (f: Fixture, r: RunningSuite) => string, body: (f: Fixture, r: RunningSuite) => unknown, field: string];

describe('bad input on the organization, unit, role, profile, group, user and configuration routes', () => {
  let run: RunningSuite;
  let fixture: Fixture;

  beforeAll(async () => {
    run = await startWholeSuite();
    const acme = (await run.admin.post('/api/organizations', { name: 'Acme' })).body;
    const child = (await run.admin.post('/api/business-units', { name: 'Child', organizationId: run.ids.organizationId, parentId: run.ids.businessUnitId })).body;
    const grandChild = (await run.admin.post('/api/business-units', { name: 'Grandchild', organizationId: run.ids.organizationId, parentId: child.id })).body;
    const foreignGroup = (await run.admin.post('/api/groups', { name: 'Elsewhere', organizationId: acme.id })).body;
    const other = newUserBody(run.ids);
    await run.admin.post('/api/users', other);
    const user = (await run.admin.post('/api/users', newUserBody(run.ids))).body;
    fixture = {
      foreignUnitId: acme.rootBusinessUnitId,
      childUnitId: child.id,
      grandChildUnitId: grandChild.id,
      userId: user.id,
      otherUsername: other.username as string,
      otherEmail: other.primaryEmail as string,
      foreignGroupId: foreignGroup.id,
    };
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const user = (f: Fixture) => `/api/users/${f.userId}`;
  const cases: Case[] = [
    // users: create
    ['a username taken in another case', 'POST', () => '/api/users', (f, r) => newUserBody(r.ids, { username: f.otherUsername.toUpperCase() }), 'username'],
    ['an unknown security profile', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { securityProfiles: ['Ghosts'] }), 'securityProfiles'],
    ['an owner unit of another organization', 'POST', () => '/api/users', (f, r) => newUserBody(r.ids, { ownerBusinessUnitId: f.foreignUnitId }), 'ownerBusinessUnitId'],
    ['a member unit of another organization', 'POST', () => '/api/users', (f, r) => newUserBody(r.ids, { businessUnitIds: [f.foreignUnitId] }), 'businessUnitIds'],
    ['a group of another organization', 'POST', () => '/api/users', (f, r) => newUserBody(r.ids, { groups: [f.foreignGroupId] }), 'groups'],
    ['a future birthday', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { birthday: '2999-01-01' }), 'birthday'],
    ['a birthday that is no date', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { birthday: '1990-02-30' }), 'birthday'],
    ['an avatar that is a PDF', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { avatar: { contentType: 'image/png', dataBase64: Buffer.from('%PDF-1.4 hello').toString('base64') } }), 'avatar'],
    ['an avatar of a type not accepted', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { avatar: { contentType: 'image/svg+xml', dataBase64: PNG.toString('base64') } }), 'avatar'],
    ['an avatar over 1 MiB', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { avatar: png(Buffer.concat([PNG, Buffer.alloc(1024 * 1024)])) }), 'avatar'],
    ['an additional email of another user', 'POST', () => '/api/users', (f, r) => newUserBody(r.ids, { emails: [f.otherEmail.toUpperCase()] }), 'emails'],
    ['custom fields with a nested object', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { customFields: { address: { city: 'Paris' } } }), 'customFields'],
    ['a phone of letters', 'POST', () => '/api/users', (_f, r) => newUserBody(r.ids, { phone: 'call me maybe' }), 'phone'],
    // users: edit
    ['an unknown field', 'PATCH', user, () => ({ isAdmin: true }), 'isAdmin'],
    ['a password', 'PATCH', user, () => ({ password: 'Str0ng-Password' }), 'password'],
    ['no role at all', 'PATCH', user, () => ({ roles: [] }), 'roles'],
    ['an unknown role', 'PATCH', user, () => ({ roles: [{ roleId: UNKNOWN }] }), 'roles.0.roleId'],
    ['a taken primary email', 'PATCH', user, (f) => ({ primaryEmail: f.otherEmail }), 'primaryEmail'],
    ['a huge middle name', 'PATCH', user, () => ({ middleName: 'x'.repeat(100_000) }), 'middleName'],
    ['enabled as a string', 'PATCH', user, () => ({ enabled: 'yes' }), 'enabled'],
    ['an unknown security profile', 'PATCH', user, () => ({ securityProfiles: ['Ghosts'] }), 'securityProfiles'],
    ['a GIF declared as PNG (own profile)', 'PATCH', () => '/api/me/profile', () => ({ avatar: { contentType: 'image/png', dataBase64: Buffer.from('GIF89a-----').toString('base64') } }), 'avatar'],
    ['a role change on the own profile', 'PATCH', () => '/api/me/profile', (_f, r) => ({ roles: [{ roleId: r.ids.administratorRoleId }] }), 'roles'],
    // users: list
    ['a limit over 500', 'GET', () => '/api/users?limit=501', () => undefined, 'limit'],
    ['an unknown sort', 'GET', () => '/api/users?sort=password', () => undefined, 'sort'],
    ['enabled that is not a boolean', 'GET', () => '/api/users?enabled=maybe', () => undefined, 'enabled'],
    ['an unknown auth status', 'GET', () => '/api/users?authStatus=BANNED', () => undefined, 'authStatus'],
    // configuration
    ['an unknown time zone', 'PUT', () => '/api/me/configuration', () => ({ timeZone: 'Mars/Olympus' }), 'timeZone'],
    ['a malformed locale', 'PUT', (f) => `/api/users/${f.userId}/configuration`, () => ({ locale: 'english' }), 'locale'],
    ['an unknown setting', 'PUT', () => '/api/me/configuration', () => ({ theme: 'dark' }), 'theme'],
    ['an organization the user is not in', 'PUT', (f) => `/api/users/${f.userId}/configuration?organizationId=${UNKNOWN}`, () => ({ locale: 'de-DE' }), 'organizationId'],
    // organizations, units
    ['an organization name of the wrong type', 'POST', () => '/api/organizations', () => ({ name: 42 }), 'name'],
    ['a blank organization name', 'POST', () => '/api/organizations', () => ({ name: '   ' }), 'name'],
    ['a unit without parent', 'POST', () => '/api/business-units', (_f, r) => ({ name: 'Orphan', organizationId: r.ids.organizationId }), 'parentId'],
    ['a unit below a parent of another organization', 'POST', () => '/api/business-units', (f, r) => ({ name: 'X', organizationId: r.ids.organizationId, parentId: f.foreignUnitId }), 'parentId'],
    ['a unit moved below its grandchild', 'POST', (f) => `/api/business-units/${f.childUnitId}/move`, (f) => ({ parentId: f.grandChildUnitId }), 'parentId'],
    ['a unit moved below itself', 'POST', (f) => `/api/business-units/${f.childUnitId}/move`, (f) => ({ parentId: f.childUnitId }), 'parentId'],
    ['a unit moved to an unknown parent', 'POST', (f) => `/api/business-units/${f.childUnitId}/move`, () => ({ parentId: UNKNOWN }), 'parentId'],
    // roles
    ['a level the ownership does not allow', 'POST', () => '/api/roles', () => ({ name: 'R1', permissions: [{ entity: 'Organization', action: 'VIEW', level: 'BUSINESS_UNIT' }], capabilities: [] }), 'permissions.0.level'],
    ['an unknown level', 'POST', () => '/api/roles', () => ({ name: 'R2', permissions: [{ entity: 'User', action: 'VIEW', level: 'EVERYTHING' }], capabilities: [] }), 'permissions.0.level'],
    ['CONFIGURE on an organization', 'POST', () => '/api/roles', () => ({ name: 'R3', permissions: [{ entity: 'Organization', action: 'CONFIGURE', level: 'GLOBAL' }], capabilities: [] }), 'permissions.0.action'],
    ['a ticket grant in an identity role', 'POST', () => '/api/roles', () => ({ name: 'R3b', permissions: [{ entity: 'Ticket', action: 'VIEW', level: 'GLOBAL' }], capabilities: [] }), 'permissions.0.entity'],
    ['an unknown capability', 'POST', () => '/api/roles', () => ({ name: 'R4', permissions: [], capabilities: ['time_travel'] }), 'capabilities.0'],
    ['a field permission on an unknown field', 'POST', () => '/api/roles', () => ({ name: 'R5', permissions: [], capabilities: [], fieldPermissions: [{ entity: 'User', field: 'salary', action: 'VIEW', level: 'NONE' }] }), 'fieldPermissions.0.field'],
    ['permissions that are not a list', 'POST', () => '/api/roles', () => ({ name: 'R6', permissions: 'all', capabilities: [] }), 'permissions'],
    ['the name of an existing role in another case', 'POST', () => '/api/roles', () => ({ name: 'administrator', permissions: [], capabilities: [] }), 'name'],
    // security profiles, groups
    ['a security profile without name', 'POST', () => '/api/security-profiles', () => ({ description: 'nameless' }), 'name'],
    ['a huge security profile description', 'POST', () => '/api/security-profiles', () => ({ name: 'Big', description: 'd'.repeat(5000) }), 'description'],
    ['a group of an unknown organization', 'POST', () => '/api/groups', () => ({ name: 'G', organizationId: UNKNOWN }), 'organizationId'],
    ['a group id that is not a UUID', 'PATCH', () => '/api/groups/not-a-uuid', () => ({ name: 'G' }), 'id'],
  ];

  it.each(cases)('%s (%s) is a 400 naming the field, and nothing is written', async (_what, method, path, body, field) => {
    const before = await identityState(run);
    const payload = body(fixture, run);
    const response = await run.admin.request(method, path(fixture, run), payload);
    expect({ status: response.status, fields: response.body?.details?.map((d: { field: string }) => d.field) }).toEqual({
      status: 400,
      fields: expect.arrayContaining([field]),
    });
    expect(response.body).toMatchObject({ statusCode: 400, error: 'Bad Request' });
    expect(await identityState(run)).toEqual(before);
  });
});
