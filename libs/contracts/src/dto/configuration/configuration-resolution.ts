import { CONFIGURATION_DEFAULTS, CONFIGURATION_KEYS, UserConfigurationValues } from './configuration-rules';

/**
 * Configuration by role (Aurea's designer configurations with OroCRM's per-user settings): a value
 * resolves along system defaults, the organization, a configuration attached to each active role of
 * the session, then the user's own values; each layer overrides the ones before it.
 */
export type ConfigurationLayerName = 'SYSTEM' | 'ORGANIZATION' | 'ROLE' | 'USER';

export type StoredConfiguration = Partial<UserConfigurationValues>;

export interface ConfigurationRoleRef {
  id: string;
  name: string;
  priority: number;
}

/** An active role of the session that has a configuration attached. */
export interface RoleConfigurationLayer extends ConfigurationRoleRef {
  settings: StoredConfiguration;
}

/** What a resolution reads: null where a layer has no configuration. */
export interface ConfigurationLayersInput {
  organizationId: string;
  organization: StoredConfiguration | null;
  roles: RoleConfigurationLayer[];
  user: StoredConfiguration | null;
}

export type AppliedLayer =
  | { layer: 'SYSTEM' }
  | { layer: 'ORGANIZATION'; organizationId: string }
  | { layer: 'ROLE'; role: ConfigurationRoleRef }
  | { layer: 'USER' };

export interface ResolvedValue<K extends keyof UserConfigurationValues = keyof UserConfigurationValues> {
  value: UserConfigurationValues[K];
  layer: ConfigurationLayerName;
  organizationId?: string;
  role?: { id: string; name: string };
}

export type ResolvedConfiguration = { [K in keyof UserConfigurationValues]: ResolvedValue<K> };

export interface ConfigurationResolution {
  /** Each key's value as the user works with it. */
  settings: UserConfigurationValues;
  /** Each key's value with the layer it came from. */
  resolved: ResolvedConfiguration;
  /** The layers that exist for this session, in the order they apply (later ones win). */
  layers: AppliedLayer[];
}

/** Ascending priority, ties by name (then id, so the order never depends on how rows arrived): the highest priority wins. */
export const compareRoleLayers = (a: ConfigurationRoleRef, b: ConfigurationRoleRef): number =>
  a.priority - b.priority || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The resolution of one session's configuration; pure. A role listed twice counts once (Aurea: a
 * configuration exists only once in the tree). Keys outside the known ones and undefined values are
 * ignored, so a stored layer never brings in what the rules do not know.
 */
export function resolveConfiguration(input: ConfigurationLayersInput): ConfigurationResolution {
  const roles = [...new Map(input.roles.map((r) => [r.id, r])).values()].sort(compareRoleLayers);
  const stack: { applied: AppliedLayer; settings: StoredConfiguration; source: Omit<ResolvedValue, 'value'> }[] = [];
  if (input.organization) {
    stack.push({
      applied: { layer: 'ORGANIZATION', organizationId: input.organizationId },
      settings: input.organization,
      source: { layer: 'ORGANIZATION', organizationId: input.organizationId },
    });
  }
  for (const role of roles) {
    const ref = { id: role.id, name: role.name, priority: role.priority };
    stack.push({ applied: { layer: 'ROLE', role: ref }, settings: role.settings, source: { layer: 'ROLE', role: { id: role.id, name: role.name } } });
  }
  if (input.user) stack.push({ applied: { layer: 'USER' }, settings: input.user, source: { layer: 'USER' } });

  const resolved = {} as Record<string, ResolvedValue>;
  for (const key of CONFIGURATION_KEYS) {
    resolved[key] = { value: CONFIGURATION_DEFAULTS[key], layer: 'SYSTEM' };
    for (const { settings, source } of stack) {
      if (Object.prototype.hasOwnProperty.call(settings, key) && settings[key] !== undefined) resolved[key] = { value: settings[key]!, ...source };
    }
  }
  const settings = Object.fromEntries(CONFIGURATION_KEYS.map((k) => [k, resolved[k].value])) as unknown as UserConfigurationValues;
  return { settings, resolved: resolved as unknown as ResolvedConfiguration, layers: [{ layer: 'SYSTEM' }, ...stack.map((s) => s.applied)] };
}
