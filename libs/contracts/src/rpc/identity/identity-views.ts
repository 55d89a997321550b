import type { BusinessUnitNode, RoleDefinition } from '@app/acl';
import type { UserConfigurationValues } from '../../dto/configuration/configuration-rules';
import type { AppliedLayer, ResolvedConfiguration } from '../../dto/configuration/configuration-resolution';

/** What `identity.auth.login` checks. */
export interface LoginRequest {
  username: string;
  password: string;
  roles?: string[];
  organizationId?: string;
}

export interface SessionView {
  sessionId: string;
  userId: string;
  username: string;
  organizationId: string | null;
  activeRoles: string[];
  rolesSelected: boolean;
  expiresAt: string;
  /** What the gateway compiles the session's subject from. */
  access: SessionAccess;
}

/**
 * What the logged-in user may choose for a session (login-role selection, organization switch): its
 * organizations, and its role assignments that count in the session's organization with their flags.
 */
export interface SessionChoicesView {
  organizations: { id: string; name: string }[];
  roles: { name: string; fixed: boolean; default: boolean }[];
}

export interface SessionAccess {
  /** The active roles' definitions, as libs/acl reads them. */
  roles: RoleDefinition[];
  /** The user's business units (in every organization; libs/acl keeps those of the current one). */
  businessUnitIds: string[];
  /** The current organization's business-unit tree. */
  organizationUnits: BusinessUnitNode[];
}

/** A user as the API shows it: never the password hash, never the avatar's bytes (see avatarUrl). */
export interface UserView {
  id: string;
  username: string;
  enabled: boolean;
  authStatus: string;
  namePrefix: string | null;
  firstName: string;
  middleName: string | null;
  lastName: string;
  nameSuffix: string | null;
  birthday: string | null;
  primaryEmail: string;
  emails: string[];
  phone: string | null;
  customFields: Record<string, string | number | boolean>;
  avatarUrl: string | null;
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  securityProfiles: string[];
  groups: { id: string; name: string }[];
  roles: { roleId: string; name: string; fixed: boolean; default: boolean }[];
  /** The distinguished name of the LDAP entry the user was imported from; absent for a hand-made user. */
  ldapDn?: string;
  /** True while the user's directory exists: the password is the directory's (set or reset: 409). */
  passwordManagedByDirectory?: true;
  createdAt: string;
  updatedAt: string;
}

/** A user's picture, as `identity.users.avatar-get` hands it out. */
export interface AvatarImage {
  contentType: string;
  dataBase64: string;
}

export interface OrganizationView {
  id: string;
  name: string;
  rootBusinessUnitId: string | null;
  createdAt: string;
}

export interface BusinessUnitView {
  id: string;
  name: string;
  organizationId: string;
  parentId: string | null;
  depth: number;
  createdAt: string;
}

/** A permission of a role as stored and shown: an entity, an action and an access level. */
export interface PermissionView {
  entity: string;
  action: string;
  level: string;
}

export interface FieldPermissionView extends PermissionView {
  field: string;
}

export interface RoleView {
  id: string;
  name: string;
  label: string | null;
  organizationId: string | null;
  readOnly: boolean;
  /** Orders the configurations of a session's roles: the highest wins among roles. */
  priority: number;
  permissions: PermissionView[];
  capabilities: string[];
  fieldPermissions: FieldPermissionView[];
  userCount: number;
  createdAt: string;
}

export interface SecurityProfileView {
  id: string;
  name: string;
  description: string | null;
  userCount: number;
  createdAt: string;
}

export interface GroupView {
  id: string;
  organizationId: string;
  name: string;
  userCount: number;
  createdAt: string;
}

export interface ConfigurationView {
  userId: string;
  organizationId: string;
  settings: UserConfigurationValues;
  /** The keys the user set; the others are defaults. */
  customized: string[];
  /**
   * `GET|PUT /api/me/configuration` only, resolved for the session (its organization and active roles):
   * each key's value with the layer it came from, and the layers in the order they apply. There
   * `settings` holds the resolved values.
   */
  resolved?: ResolvedConfiguration;
  layers?: AppliedLayer[];
}

/** An organization's configuration layer: what it sets over the system defaults. */
export interface OrganizationConfigurationView {
  organizationId: string;
  /** Only the values the organization sets. */
  values: Partial<UserConfigurationValues>;
  /** Those values over the system defaults: what the organization's users start from. */
  settings: UserConfigurationValues;
  customized: string[];
}

/** The configuration attached to a role; `configured: false` when none is. */
export interface RoleConfigurationView {
  roleId: string;
  name: string;
  organizationId: string | null;
  priority: number;
  configured: boolean;
  values: Partial<UserConfigurationValues>;
}

export interface PasswordSuggestion {
  password: string;
}

/** Mails go out after the reply (see README, credentials): the reply says which users were changed. */
export interface PasswordChanged {
  id: string;
  authStatus: string;
}

export interface PasswordResetsDone {
  items: { id: string; authStatus: 'PASSWORD_RESET'; resetLinkExpiresAt: string }[];
  /** Users left as they were, each with why: a user of an LDAP directory (`PASSWORD_MANAGED_BY_DIRECTORY`). */
  skipped: { id: string; code: string; message: string }[];
}

export interface ApiKeyIssued {
  keyId: string;
  userId: string;
  organizationId: string;
  /** The key itself: shown this once, only its hash is kept. */
  apiKey: string;
  createdAt: string;
}

export type ExportStatus = 'QUEUED' | 'RUNNING' | 'DONE' | 'FAILED';

export interface ExportJobView {
  id: string;
  entity: string;
  status: ExportStatus;
  requestedBy: string;
  rowCount: number | null;
  sizeBytes: number | null;
  error: string | null;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
}

/** The largest chunk `identity.exports.read` hands out at once. */
export const EXPORT_CHUNK_MAX_BYTES = 1024 * 1024;

export interface ExportChunk {
  /** The bytes from `offset`, base64. */
  data: string;
  /** Size of the whole file, so the reader knows when it is done. */
  sizeBytes: number;
}
