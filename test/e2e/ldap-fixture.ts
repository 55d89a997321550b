import { adminQuery, eventually, LdapEntry, LdapServer } from '@app/testing';
import { createUser, RunningSuite } from './suite-fixture';

/** The directory layout of the LDAP specs: people and groups under dc=example,dc=org. */
export const BASE_DN = 'dc=example,dc=org';
export const PEOPLE = `ou=people,${BASE_DN}`;
export const GROUPS = `ou=groups,${BASE_DN}`;

export const personDn = (uid: string): string => `uid=${uid},${PEOPLE}`;

/** An inetOrgPerson; `overrides` replaces or adds attributes (an attribute set to undefined is left out). */
export function person(uid: string, overrides: Record<string, string | string[] | undefined> = {}): LdapEntry {
  const attributes: Record<string, string | string[] | undefined> = {
    objectClass: ['top', 'person', 'organizationalPerson', 'inetOrgPerson'],
    uid,
    cn: `${uid} Person`,
    givenName: uid.charAt(0).toUpperCase() + uid.slice(1),
    sn: 'Person',
    mail: `${uid}@ldap.example.org`,
    ...overrides,
  };
  return { dn: personDn(uid), attributes: Object.fromEntries(Object.entries(attributes).filter(([, v]) => v !== undefined)) as Record<string, string | string[]> };
}

export const group = (cn: string, members: string[]): LdapEntry => ({
  dn: `cn=${cn},${GROUPS}`,
  attributes: { objectClass: ['top', 'groupOfNames'], cn, member: members },
});

export const containers: LdapEntry[] = [
  { dn: PEOPLE, attributes: { objectClass: ['top', 'organizationalUnit'], ou: 'people' } },
  { dn: GROUPS, attributes: { objectClass: ['top', 'organizationalUnit'], ou: 'groups' } },
];

/** A system-wide role inserted as the database's owner would (the specs need roles of exact grants). */
export async function insertRole(run: RunningSuite, name: string, permissions: { entity: string; action: string; level: string }[], capabilities: string[] = []): Promise<string> {
  const [row] = await adminQuery<{ id: string }>(
    run.environment.databases.identity,
    'INSERT INTO roles (name, permissions, capabilities) VALUES ($1, $2::jsonb, $3::jsonb) RETURNING id',
    [name, JSON.stringify(permissions), JSON.stringify(capabilities)],
  );
  return row.id;
}

const userActions = (level: string) => ['VIEW', 'CREATE', 'EDIT', 'ASSIGN'].map((action) => ({ entity: 'User', action, level }));

/**
 * DIRECTORY_MEMBER: what imported users get (User VIEW in their organization). LDAP_ADMIN: administers
 * the organization's directory and users, without role_escalate (so it gives only what it holds).
 * USER_ADMIN: the same grants without the capability.
 */
export async function ldapRoles(run: RunningSuite, tag: string) {
  return {
    member: await insertRole(run, `DIRECTORY_MEMBER_${tag}`, [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }]),
    support: await insertRole(run, `SUPPORT_${tag}`, [{ entity: 'User', action: 'VIEW', level: 'ORGANIZATION' }, { entity: 'Group', action: 'VIEW', level: 'ORGANIZATION' }]),
    ldapAdmin: await insertRole(run, `LDAP_ADMIN_${tag}`, [...userActions('ORGANIZATION'), { entity: 'Group', action: 'VIEW', level: 'ORGANIZATION' }], ['ldap_directories']),
    userAdmin: await insertRole(run, `USER_ADMIN_${tag}`, [...userActions('ORGANIZATION'), { entity: 'Group', action: 'VIEW', level: 'ORGANIZATION' }]),
  };
}

/** A user holding exactly `roleId` (fixed), logged in. */
export async function loginWithRole(run: RunningSuite, roleId: string, overrides: Record<string, unknown> = {}) {
  const user = await createUser(run, { roles: [{ roleId, fixed: true }], ...overrides });
  return { user, client: await run.api.login(user.username, user.password) };
}

/** A complete PUT body for the test kit's server. */
export function directoryBody(ldap: LdapServer, ids: { businessUnitId: string }, roles: { groupDn: string; roleId: string }[], defaultRoleIds: string[]) {
  return {
    url: ldap.url,
    bindDn: ldap.bindDn,
    bindPassword: ldap.password,
    baseDn: PEOPLE,
    userFilter: '(objectClass=inetOrgPerson)',
    attributeMapping: { username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn', phone: 'telephoneNumber' },
    roleMapping: roles,
    ownerBusinessUnitId: ids.businessUnitId,
    defaultRoleIds,
  };
}

/** Polls an import job until it is DONE or FAILED. */
export async function finishedImport(run: RunningSuite, organizationId: string, importId: string) {
  const { value } = await eventually(async () => {
    const current = await run.admin.get(`/api/organizations/${organizationId}/ldap/imports/${importId}`);
    return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
  }, 30_000);
  return value;
}
