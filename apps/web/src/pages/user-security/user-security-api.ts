import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';

/** A row of User Security: a user mirrored by tickets, its status and its tickets roles (by name). */
export interface UserSecurityItem {
  id: string;
  username: string;
  status: 'NEW' | 'ACTIVE';
  roles: string[];
}

export interface TicketRoleSummary {
  id: string;
  name: string;
  label: string | null;
}

export interface TicketSecurityProfile {
  id: string;
  name: string;
  description: string | null;
  roleIds: string[];
  roles: string[];
}

export type StatusFilter = 'NEW' | 'ACTIVE' | 'ALL';

export const userSecurityKeys = {
  all: ['user-security'] as const,
  list: (status: StatusFilter) => ['user-security', 'list', status] as const,
  profiles: ['user-security', 'profiles'] as const,
};

export const useUserSecurity = (status: StatusFilter) =>
  useQuery({
    queryKey: userSecurityKeys.list(status),
    queryFn: () => api.get<Page<UserSecurityItem>>('/api/tickets/user-security', { query: { status: status === 'ALL' ? undefined : status, limit: 500 } }),
  });

/** Tickets roles to choose from (the roles pages own their cache; this list only names them). */
export const useTicketRoles = () =>
  useQuery({ queryKey: ['roles', 'tickets', 'list'], queryFn: () => api.get<Page<TicketRoleSummary>>('/api/tickets/roles', { query: { limit: 500 } }) });

export const useTicketProfiles = () =>
  useQuery({ queryKey: userSecurityKeys.profiles, queryFn: () => api.get<Page<TicketSecurityProfile>>('/api/tickets/security-profiles', { query: { limit: 500 } }) });
