/**
 * Where a user's password is checked: the stored argon2id hash (LOCAL), a bind to the user's LDAP
 * directory (DIRECTORY), or nowhere: imported from a directory that was removed since, the DN kept
 * but neither a directory nor a hash left (DIRECTORY_GONE, a 503 rather than a wrong password).
 */
export type PasswordSource = 'LOCAL' | 'DIRECTORY' | 'DIRECTORY_GONE';

export function passwordSource(user: { passwordHash: string | null; ldapDn: string | null; ldapDirectoryId: string | null }): PasswordSource {
  if (user.ldapDirectoryId !== null) return 'DIRECTORY';
  if (user.passwordHash === null && user.ldapDn !== null) return 'DIRECTORY_GONE';
  return 'LOCAL';
}
