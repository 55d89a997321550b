import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';
import type { Access } from '../../auth/access';
import { canSee, hasCapability } from '../../auth/access';

/** The users API's answers (DESIGN.md section 9, README "Identity") as these pages read them. */
export type AuthStatus = 'ACTIVE' | 'LOCKED' | 'PASSWORD_RESET';

export interface RoleAssignment {
  roleId: string;
  fixed: boolean;
  default: boolean;
}

export interface User {
  id: string;
  username: string;
  enabled: boolean;
  authStatus: AuthStatus;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  birthday: string | null;
  primaryEmail: string;
  emails: string[];
  phone: string | null;
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  securityProfiles: string[];
  groups: { id: string; name: string }[];
  roles: (RoleAssignment & { name: string })[];
  /** Set for a user imported from an LDAP directory: its password is the directory's. */
  ldapDn?: string;
  /** While its directory exists; a user of a removed directory may be given a password. */
  passwordManagedByDirectory?: true;
  createdAt: string;
  updatedAt: string;
}

/** `GET /api/users`'s filters (ListUsersDto): what the list page offers. */
export interface UsersQuery {
  enabled?: 'true' | 'false';
  authStatus?: AuthStatus;
  cannotLogin?: 'true';
  q?: string;
  limit: number;
  offset: number;
}

export interface Organization {
  id: string;
  name: string;
}

export interface BusinessUnit {
  id: string;
  name: string;
  organizationId: string;
  parentId: string | null;
  depth: number;
}

export interface Role {
  id: string;
  name: string;
  label: string | null;
  organizationId: string | null;
}

export interface ExportJob {
  id: string;
  status: 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';
  rowCount: number | null;
  sizeBytes: number | null;
  error: string | null;
}

export interface ApiKeyIssued {
  keyId: string;
  apiKey: string;
  organizationId: string;
}

export interface PasswordResetsDone {
  items: { id: string; authStatus: 'PASSWORD_RESET'; resetLinkExpiresAt: string }[];
  /** Users left as they were (an LDAP directory's: their password is the directory's). */
  skipped: { id: string; code: string; message: string }[];
}

export const userKeys = {
  all: ['users'] as const,
  list: (query: UsersQuery) => ['users', 'list', query] as const,
  one: (id: string) => ['users', 'one', id] as const,
  choices: ['users', 'choices'] as const,
};

export const useUsers = (query: UsersQuery) =>
  useQuery({ queryKey: userKeys.list(query), queryFn: () => api.get<Page<User>>('/api/users', { query: { ...query } }), placeholderData: (previous) => previous });

export const useUser = (id: string) => useQuery({ queryKey: userKeys.one(id), queryFn: () => api.get<User>(`/api/users/${encodeURIComponent(id)}`) });

/** Everything a user form picks from; each list only when the session may read it. */
export interface UserChoices {
  organizations: Organization[];
  units: BusinessUnit[];
  roles: Role[];
  securityProfiles: string[];
  groups: { id: string; name: string; organizationId: string }[];
}

const all = <T,>(path: string, allowed: boolean): Promise<T[]> =>
  allowed ? api.get<Page<T>>(path, { query: { limit: 500 } }).then((page) => page.items) : Promise.resolve([]);

export function useUserChoices(access: Access, ownOrganizations: Organization[]) {
  return useQuery({
    queryKey: [...userKeys.choices, ownOrganizations.map((o) => o.id).join(',')],
    queryFn: async (): Promise<UserChoices> => {
      const [organizations, units, roles, profiles, groups] = await Promise.all([
        all<Organization>('/api/organizations', canSee(access, 'Organization')),
        all<BusinessUnit>('/api/business-units', canSee(access, 'BusinessUnit')),
        all<Role>('/api/roles', canSee(access, 'Role')),
        all<{ name: string }>('/api/security-profiles', canSee(access, 'SecurityProfile')),
        all<{ id: string; name: string; organizationId: string }>('/api/groups', canSee(access, 'Group')),
      ]);
      return {
        // Without Organization VIEW, the session's own organizations are still offered by name.
        organizations: organizations.length ? organizations : ownOrganizations,
        units,
        roles,
        securityProfiles: profiles.map((p) => p.name),
        groups,
      };
    },
  });
}

/** Giving or changing security profiles decides tickets' roles: it needs one of these (README). */
export const maySetSecurityProfiles = (access: Access): boolean => hasCapability(access, 'ticket_user_security') || hasCapability(access, 'role_escalate');

export const fullName = (user: Pick<User, 'namePrefix' | 'firstName' | 'middleName' | 'lastName' | 'nameSuffix'>): string =>
  [user.namePrefix, user.firstName, user.middleName, user.lastName, user.nameSuffix].filter(Boolean).join(' ');

export const AUTH_STATUS_LABELS: Record<AuthStatus, string> = { ACTIVE: 'Active', LOCKED: 'Locked', PASSWORD_RESET: 'Password reset' };
