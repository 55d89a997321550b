import type { Subject } from '@app/acl';

/** The capability that configures directories and imports from them. */
export const LDAP_CAPABILITY = 'ldap_directories';

export type DirectoryReachGap = { capability: string } | { entity: 'User'; action: 'CREATE' | 'EDIT'; level: string };

/**
 * Why the subject may not administer the organization's directory, or null when it may: it needs the
 * capability, and a User CREATE and EDIT scope reaching the whole organization (ORGANIZATION level
 * there, or GLOBAL). A directory is organization-wide and an import changes users organization-wide,
 * so a business-unit-level administrator may not. Pure, for unit tests (no Nest).
 */
export function directoryReachGap(subject: Subject, organizationId: string): DirectoryReachGap | null {
  if (!subject.hasCapability(LDAP_CAPABILITY)) return { capability: LDAP_CAPABILITY };
  for (const action of ['CREATE', 'EDIT'] as const) {
    const scope = subject.scope('User', action);
    const reaches = scope.level === 'GLOBAL' || (scope.level === 'ORGANIZATION' && scope.organizationId === organizationId);
    if (!reaches) return { entity: 'User', action, level: scope.level };
  }
  return null;
}
