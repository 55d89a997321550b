/** The answers of the REST API that pages read (DESIGN.md sections 4, 7, 8); only what pages use. */
export type AclState = 'ENABLED' | 'READ_ONLY' | 'DISABLED';

export interface LoginResponse {
  accessToken: string;
  tokenType: 'Bearer';
  expiresIn: number;
  activeRoles: string[];
  organizationId: string | null;
}

export interface Me {
  id: string;
  username: string;
  organizationId: string | null;
  activeRoles: string[];
  rolesSelected: boolean;
  sessionExpiresAt: string;
}

export interface Permissions {
  entities: { entity: string; state: AclState; source: 'identity' | 'tickets'; levels: Record<string, string> }[];
  capabilities: { capability: string; state: AclState }[];
  tickets: { status: string; enabled: boolean | null; usable: boolean | null; capabilities: { capability: string; state: AclState }[] };
}

export interface SessionChoices {
  organizations: { id: string; name: string }[];
  roles: { name: string; fixed: boolean; default: boolean }[];
}

export interface Page<T> {
  items: T[];
  total: number;
}
