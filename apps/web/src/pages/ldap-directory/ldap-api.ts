import { useQuery } from '@tanstack/react-query';
import { asApiError } from '../../api/api-error';
import { api } from '../../api/client';

/** The LDAP routes' answers (docs/ARCHITECTURE.md "LDAP directories") as this page reads them. */
export interface AttributeMapping {
  username: string;
  primaryEmail: string;
  firstName: string;
  lastName: string;
  emails?: string;
  phone?: string;
}

export interface LdapDirectory {
  id: string;
  organizationId: string;
  url: string;
  bindDn: string;
  /** Always true: the password is stored and never shown again. */
  hasBindPassword: boolean;
  baseDn: string;
  userFilter: string;
  attributeMapping: AttributeMapping;
  roleMapping: { groupDn: string; roleId: string }[];
  ownerBusinessUnitId: string;
  defaultRoleIds: string[];
  updatedAt: string;
}

/** PUT's body; `bindPassword` left out keeps the stored one. */
export type LdapDirectoryBody = Omit<LdapDirectory, 'id' | 'organizationId' | 'hasBindPassword' | 'updatedAt'> & { bindPassword?: string };

export type ConnectionTest = { ok: true; usersFound: number } | { ok: false; failure: string; message: string };

export type ImportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ImportJob {
  id: string;
  status: ImportStatus;
  progress: { total: number; processed: number; created: number; updated: number; disabled: number };
  /** Every refused entry, or the run's one reason with `dn` null. */
  errors: { dn: string | null; message: string }[];
}

export const ldapPath = (organizationId: string): string => `/api/organizations/${encodeURIComponent(organizationId)}/ldap`;

export const ldapKeys = {
  directory: (organizationId: string) => ['ldap', organizationId] as const,
  import: (organizationId: string, importId: string) => ['ldap', organizationId, 'imports', importId] as const,
};

/** The organization's directory, or null when none is configured (404 LDAP_DIRECTORY_NOT_FOUND). */
export const useLdapDirectory = (organizationId: string) =>
  useQuery({
    queryKey: ldapKeys.directory(organizationId),
    queryFn: () =>
      api.get<LdapDirectory>(ldapPath(organizationId)).catch((error: unknown) => {
        if (asApiError(error).status === 404) return null;
        throw error;
      }),
  });

export const isFinished = (job: ImportJob | undefined): boolean => job !== undefined && (job.status === 'DONE' || job.status === 'FAILED');

/** One import job, polled until it is DONE or FAILED. */
export const useImportJob = (organizationId: string, importId: string) =>
  useQuery({
    queryKey: ldapKeys.import(organizationId, importId),
    queryFn: () => api.get<ImportJob>(`${ldapPath(organizationId)}/imports/${encodeURIComponent(importId)}`),
    refetchInterval: (query) => (isFinished(query.state.data) ? false : 1000),
  });
