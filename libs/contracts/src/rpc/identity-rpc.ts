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
}
