import type { BusinessUnitNode, RoleDefinition } from '@app/acl';

/** Replies of identity's RPC handlers that the gateway reads. */
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

export interface SessionAccess {
  /** The active roles' definitions, as libs/acl reads them. */
  roles: RoleDefinition[];
  /** The user's business units (in every organization; libs/acl keeps those of the current one). */
  businessUnitIds: string[];
  /** The current organization's business-unit tree. */
  organizationUnits: BusinessUnitNode[];
}
