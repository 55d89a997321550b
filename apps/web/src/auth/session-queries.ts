import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import { Me, Permissions, SessionChoices } from '../api/types';

/** Query keys of the session: every page that changes what the session sees invalidates ['session']. */
export const sessionKeys = {
  me: ['session', 'me'] as const,
  permissions: ['session', 'permissions'] as const,
  choices: ['session', 'choices'] as const,
};

export const useMe = () => useQuery({ queryKey: sessionKeys.me, queryFn: () => api.get<Me>('/api/me') });

export const usePermissions = () => useQuery({ queryKey: sessionKeys.permissions, queryFn: () => api.get<Permissions>('/api/me/permissions') });

export const useSessionChoices = () => useQuery({ queryKey: sessionKeys.choices, queryFn: () => api.get<SessionChoices>('/api/me/session-choices') });
