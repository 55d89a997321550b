import { describeGrantGaps, grantsBeyond, Subject } from '@app/acl';
import { EventTypes } from '@app/contracts';
import { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { anyRoleDefinitions } from '../access/session-access';
import { userUpdatedData } from '../users/user-events';
import { UserRole } from '../users/user-role.entity';
import { userInScope } from '../users/user-scope';
import { User } from '../users/user.entity';
import { UsersService } from '../users/users.service';
import { disableDirectoryUsers } from './disable-directory-users';
import { DirectoryPerson, EntryProblem, rolesOf } from './directory-people';
import { DirectorySnapshot } from './directory-read';
import { normalizeDn } from './ldap-connection';
import { LdapDirectory } from './ldap-directory.entity';

export interface ImportCounts {
  created: number;
  updated: number;
  disabled: number;
}

/** The import found problems once it could compare with the database: the transaction rolls back. */
export class ImportRefused extends Error {
  constructor(readonly problems: EntryProblem[]) {
    super(`${problems.length} directory entr${problems.length === 1 ? 'y' : 'ies'} cannot be imported`);
  }
}

/** Any fixed number: one import of a directory at a time, whichever identity instance runs it. */
const IMPORT_APPLY_LOCK = 7_310_003;

interface UserRow {
  id: string;
  username: string;
  ldapDirectoryId: string | null;
  ldapDn: string | null;
}

/**
 * Brings the organization's users in line with a directory snapshot whose entries all checked out,
 * inside the caller's outbox transaction: creates users for new entries (identity.user.created, as a
 * hand-made user), updates changed ones (names, emails, phone, the roles the mapping decides), and
 * disables users of this directory whose entry is gone (never deletes; their sessions end). Before
 * writing anything it checks what only the database knows: usernames and addresses held by someone
 * else (a hand-made user, another directory's user), and the reach of `subject` over each user it
 * would change. Any problem throws ImportRefused and nothing is written.
 */
export async function applyImport(
  manager: EntityManager,
  publish: PublishInTransaction,
  users: UsersService,
  subject: Subject,
  directory: LdapDirectory,
  snapshot: DirectorySnapshot,
): Promise<ImportCounts> {
  await manager.query('SELECT pg_advisory_xact_lock($1, hashtext($2))', [IMPORT_APPLY_LOCK, directory.id]);
  const existing = await manager.find(User, { where: { ldapDirectoryId: directory.id }, lock: { mode: 'pessimistic_write' } });
  const byDn = new Map(existing.map((u) => [normalizeDn(u.ldapDn!), u]));
  const isUserOf = (row: UserRow, person: DirectoryPerson) => row.ldapDirectoryId === directory.id && row.ldapDn !== null && normalizeDn(row.ldapDn) === normalizeDn(person.dn);

  const problems = [...(await clashes(manager, snapshot.people, isUserOf, directory.id))];
  // Every role the directory's users hold, read once: the role changes and the reach check both need them.
  const heldRows: { userId: string; roleId: string }[] = await manager.query('SELECT user_id AS "userId", role_id AS "roleId" FROM user_roles WHERE user_id = ANY($1::uuid[])', [
    existing.map((u) => u.id),
  ]);
  const heldBy = new Map<string, string[]>();
  for (const { userId, roleId } of heldRows) heldBy.set(userId, [...(heldBy.get(userId) ?? []), roleId]);
  const managedRoles = new Set([...directory.roleMapping.map((m) => m.roleId), ...directory.defaultRoleIds]);
  const seen = new Set(snapshot.people.map((p) => normalizeDn(p.dn)));

  const creates: { person: DirectoryPerson; roleIds: string[] }[] = [];
  const updates: { user: User; person: DirectoryPerson; add: string[]; remove: string[] }[] = [];
  for (const person of snapshot.people) {
    const roleIds = rolesOf(person, directory.roleMapping, snapshot.members, directory.defaultRoleIds);
    const user = byDn.get(normalizeDn(person.dn));
    if (!user) {
      creates.push({ person, roleIds });
      continue;
    }
    const heldIds = new Set(heldBy.get(user.id) ?? []);
    const add = roleIds.filter((id) => !heldIds.has(id));
    const remove = [...heldIds].filter((id) => managedRoles.has(id) && !roleIds.includes(id));
    if (add.length || remove.length || fieldsChange(user, person)) updates.push({ user, person, add, remove });
  }
  const disables = existing.filter((u) => u.enabled && !seen.has(normalizeDn(u.ldapDn!)));

  // The users the import would change must lie in the EDIT scope and hold no grant the subject lacks.
  const editScope = subject.scope('User', 'EDIT');
  for (const user of [...updates.map((u) => u.user), ...disables]) {
    if (!userInScope(editScope, user)) {
      problems.push({ dn: user.ldapDn, message: `user ${user.username} lies outside your EDIT level on User (${editScope.level})` });
      continue;
    }
    const gaps = grantsBeyond(subject, await anyRoleDefinitions(manager, heldBy.get(user.id) ?? []));
    if (gaps.length) problems.push({ dn: user.ldapDn, message: `user ${user.username} holds grants you lack (${describeGrantGaps(gaps)})` });
  }
  if (problems.length) throw new ImportRefused(problems);

  for (const { person, roleIds } of creates) {
    await users.insert(
      manager,
      publish,
      {
        username: person.username,
        primaryEmail: person.primaryEmail,
        firstName: person.firstName,
        lastName: person.lastName,
        emails: person.emails ?? [],
        ...(person.phone ? { phone: person.phone } : {}),
        enabled: true,
        ownerBusinessUnitId: directory.ownerBusinessUnitId,
        organizationIds: [directory.organizationId],
        businessUnitIds: [directory.ownerBusinessUnitId],
        roles: roleIds.map((roleId) => ({ roleId, fixed: false, default: true })),
      },
      null,
      subject,
      { ldapDn: person.dn, ldapDirectoryId: directory.id },
    );
  }
  for (const { user, person, add, remove } of updates) {
    const before = { ...user };
    Object.assign(user, fieldsOf(person, user));
    await manager.save(user);
    if (remove.length) await manager.query('DELETE FROM user_roles WHERE user_id = $1 AND role_id = ANY($2::uuid[])', [user.id, remove]);
    if (add.length) await manager.insert(UserRole, add.map((roleId) => ({ userId: user.id, roleId, fixed: false, isDefault: true })));
    const data = userUpdatedData(before, user);
    if (data) await publish(EventTypes.UserUpdated, data);
  }
  await disableDirectoryUsers(manager, publish, disables.map((u) => u.id));
  return { created: creates.length, updated: updates.length, disabled: disables.length };
}

/** The user fields an entry decides; emails and phone only when the mapping names them. */
function fieldsOf(person: DirectoryPerson, user: User): Partial<User> {
  return {
    username: person.username,
    primaryEmail: person.primaryEmail,
    firstName: person.firstName,
    lastName: person.lastName,
    emails: person.emails ?? user.emails,
    phone: person.phone === undefined ? user.phone : person.phone,
  };
}

function fieldsChange(user: User, person: DirectoryPerson): boolean {
  const next = fieldsOf(person, user);
  return (Object.keys(next) as (keyof User)[]).some((key) => JSON.stringify(user[key] ?? null) !== JSON.stringify(next[key] ?? null));
}

/** Usernames and addresses of entries that belong to a user other than the entry's own. */
async function clashes(
  manager: EntityManager,
  people: DirectoryPerson[],
  isUserOf: (row: UserRow, person: DirectoryPerson) => boolean,
  directoryId: string,
): Promise<EntryProblem[]> {
  const problems: EntryProblem[] = [];
  const owner = (row: UserRow) =>
    row.ldapDirectoryId === null ? `the hand-made user ${row.username}` : row.ldapDirectoryId === directoryId ? `the user of entry ${row.ldapDn}` : `user ${row.username} of another directory`;

  const byUsername = new Map(people.map((p) => [p.username.toLowerCase(), p]));
  const named: UserRow[] = await manager.query(
    `SELECT id, username, ldap_directory_id AS "ldapDirectoryId", ldap_dn AS "ldapDn" FROM users WHERE lower(username) = ANY($1::text[])`,
    [[...byUsername.keys()]],
  );
  for (const row of named) {
    const person = byUsername.get(row.username.toLowerCase())!;
    if (!isUserOf(row, person)) problems.push({ dn: person.dn, message: `username "${person.username}" is taken by ${owner(row)}` });
  }

  const byEmail = new Map(people.flatMap((p) => [p.primaryEmail, ...(p.emails ?? [])].map((e) => [e.toLowerCase(), p] as const)));
  const addressed: (UserRow & { addresses: string[] })[] = await manager.query(
    `SELECT id, username, ldap_directory_id AS "ldapDirectoryId", ldap_dn AS "ldapDn",
            array_append(ARRAY(SELECT lower(e) FROM unnest(emails) e), lower(primary_email)) AS addresses
       FROM users
      WHERE lower(primary_email) = ANY($1::text[]) OR EXISTS (SELECT 1 FROM unnest(emails) e WHERE lower(e) = ANY($1::text[]))`,
    [[...byEmail.keys()]],
  );
  for (const row of addressed) {
    for (const address of row.addresses.filter((a) => byEmail.has(a))) {
      const person = byEmail.get(address)!;
      if (!isUserOf(row, person)) problems.push({ dn: person.dn, message: `email "${address}" is used by ${owner(row)}` });
    }
  }
  return problems;
}
