/** An organization's LDAP directory as administrators see it: never its bind password. */
export interface LdapDirectoryView {
  id: string;
  organizationId: string;
  url: string;
  bindDn: string;
  /** Always true: a password is stored (encrypted) and is never shown again. */
  hasBindPassword: true;
  baseDn: string;
  userFilter: string;
  attributeMapping: { username: string; primaryEmail: string; firstName: string; lastName: string; emails?: string; phone?: string };
  roleMapping: { groupDn: string; roleId: string }[];
  ownerBusinessUnitId: string;
  defaultRoleIds: string[];
  createdAt: string;
  updatedAt: string;
}

/** Why a directory did not answer as configured. */
export type LdapConnectionFailure = 'UNREACHABLE' | 'BIND_REFUSED' | 'FILTER_INVALID' | 'BASE_DN_NOT_FOUND';

/** "Test connection": how many entries the filter finds, or what failed. */
export type LdapConnectionTestView = { ok: true; usersFound: number } | { ok: false; failure: LdapConnectionFailure; message: string };

export type LdapImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

/** A directory entry the import refused (or the whole run, with `dn` null). */
export interface LdapImportProblem {
  dn: string | null;
  message: string;
}

export interface LdapImportJobView {
  id: string;
  organizationId: string;
  status: LdapImportStatus;
  requestedBy: string;
  /** Entries read (`total`), checked (`processed`), and the users created, updated and disabled. */
  progress: { total: number; processed: number; created: number; updated: number; disabled: number };
  /** Empty unless FAILED: every bad entry, or the one reason the run failed. Nothing changed then. */
  errors: LdapImportProblem[];
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}
