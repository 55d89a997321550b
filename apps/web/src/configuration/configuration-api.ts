import { useQuery } from '@tanstack/react-query';
import { api } from '../api/client';
import type { SettingKey } from './setting-definitions';

export type { SettingKey };

/**
 * The configuration routes' answers (README "Configuration by role"); only what the pages read.
 * A layer's values hold only the keys it sets: a key left out falls back to the layer below.
 */
export type SettingValues = Partial<Record<SettingKey, string | number>>;

export type LayerName = 'SYSTEM' | 'ORGANIZATION' | 'ROLE' | 'USER';

/** Where one setting's value in effect comes from. */
export interface ResolvedSetting {
  value: string | number;
  layer: LayerName;
  organizationId?: string;
  role?: { id: string; name: string };
}

/** GET|PUT /api/me/configuration: `settings` resolved for the session, `customized` the keys the user set. */
export interface MyConfiguration {
  userId: string;
  organizationId: string | null;
  settings: Record<SettingKey, string | number>;
  customized: SettingKey[];
  resolved: Record<SettingKey, ResolvedSetting>;
}

/** GET|PUT /api/organizations/:id/configuration. */
export interface OrganizationConfiguration {
  organizationId: string;
  values: SettingValues;
  settings: Record<SettingKey, string | number>;
  customized: SettingKey[];
}

/** GET|PUT|DELETE /api/roles/:id/configuration; `configured: false` is a role that adds no layer. */
export interface RoleConfiguration {
  roleId: string;
  name: string;
  configured: boolean;
  values: SettingValues;
}

export const configurationKeys = {
  mine: ['configuration', 'me'] as const,
  organization: (id: string) => ['configuration', 'organization', id] as const,
  role: (id: string) => ['configuration', 'role', id] as const,
};

export const useMyConfiguration = () => useQuery({ queryKey: configurationKeys.mine, queryFn: () => api.get<MyConfiguration>('/api/me/configuration') });

export const useOrganizationConfiguration = (id: string) =>
  useQuery({ queryKey: configurationKeys.organization(id), queryFn: () => api.get<OrganizationConfiguration>(`/api/organizations/${id}/configuration`) });

export const useRoleConfiguration = (id: string) => useQuery({ queryKey: configurationKeys.role(id), queryFn: () => api.get<RoleConfiguration>(`/api/roles/${id}/configuration`) });

/** The user's own values: with the user's layer on top, a key they set resolves to their value. */
export const myValues = (mine: MyConfiguration): SettingValues => Object.fromEntries(mine.customized.map((key) => [key, mine.settings[key]]));
