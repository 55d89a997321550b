import { ServiceError } from '@app/service-kit';

export const PASSWORD_MANAGED_BY_DIRECTORY = 'PASSWORD_MANAGED_BY_DIRECTORY';

/**
 * A user of an LDAP directory logs in with the directory's password (DESIGN.md section 5): identity
 * holds none, so it neither sets, resets nor suggests one. A user whose directory was removed since
 * is no longer managed (`ldapDirectoryId` null) and may be given a password of its own.
 */
export const passwordManagedByDirectory = (user: { ldapDirectoryId: string | null }): boolean => user.ldapDirectoryId !== null;

export const PASSWORD_MANAGED_BY_DIRECTORY_MESSAGE = 'The password of this user belongs to its LDAP directory: change or reset it there.';

/** 409: the request would change (or propose) a password that the user's directory owns. */
export const passwordManagedByDirectoryError = (userId: string): ServiceError =>
  new ServiceError(409, PASSWORD_MANAGED_BY_DIRECTORY_MESSAGE, PASSWORD_MANAGED_BY_DIRECTORY, { userId });
