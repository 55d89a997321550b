import { ServiceError } from '@app/service-kit';

/**
 * A user of an LDAP directory logs in by binding to the directory: identity stores no password of
 * theirs, so setting one or mailing a reset link is refused (409 DIRECTORY_USER) rather than giving
 * them a second, local password.
 */
export function assertNoDirectoryUsers(users: Iterable<{ id: string; username: string; ldapDirectoryId: string | null }>, action: string): void {
  const managed = [...users].filter((u) => u.ldapDirectoryId !== null);
  if (managed.length === 0) return;
  throw new ServiceError(
    409,
    `${action} is not possible for ${managed.map((u) => u.username).join(', ')}: the password of a user of an LDAP directory is the directory's.`,
    'DIRECTORY_USER',
    { userIds: managed.map((u) => u.id) },
  );
}
