import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';

export const FEATURES = [
  { key: 'HELP_GUIDE', label: 'Help Guide' },
  { key: 'BLOG', label: 'Blog' },
  { key: 'LIVE_CHAT', label: 'Live Chat' },
  { key: 'SERVICE_TICKETS', label: 'Service Tickets' },
  { key: 'PAYMENTS', label: 'Payments' },
  { key: 'MODULES', label: 'Modules' },
] as const;

export const featureLabel = (key: string): string => FEATURES.find((f) => f.key === key)?.label ?? key;

/** A portal access profile; the built-in MINIMUM cannot change. */
export interface AccessProfile {
  id: string;
  name: string;
  description: string;
  features: string[];
  builtIn: boolean;
}

/** A user's portal access as GET/PUT/DELETE /api/portal/users/:id/access answer. */
export interface UserAccess {
  userId: string;
  profile: string;
  description: string;
  enabled: boolean;
  features: { key: string; label: string; enabled: boolean }[];
}

export interface UserSummary {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

export const portalAccessKeys = {
  all: ['portal-access'] as const,
  profiles: ['portal-access', 'profiles'] as const,
  user: (id: string) => ['portal-access', 'user', id] as const,
};

export const useAccessProfiles = () =>
  useQuery({ queryKey: portalAccessKeys.profiles, queryFn: () => api.get<Page<AccessProfile>>('/api/portal/access-profiles', { query: { limit: 500 } }) });

export const useUserAccess = (userId: string | null) =>
  useQuery({ queryKey: portalAccessKeys.user(userId ?? ''), queryFn: () => api.get<UserAccess>(`/api/portal/users/${userId}/access`), enabled: userId !== null });

export const useUserSearch = (q: string, enabled: boolean) =>
  useQuery({ queryKey: ['users', 'search', q], queryFn: () => api.get<Page<UserSummary>>('/api/users', { query: { q: q || undefined, limit: 20 } }), enabled });
