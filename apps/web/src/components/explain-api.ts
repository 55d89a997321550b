import { api } from '../api/client';

/** The answers of /api/acl/explain, /explain-capability and /who-can-see (README "Explain and who can see"). */
export interface RoleLevel {
  role: string;
  readOnly: boolean;
  granted: string;
  level: string;
  code: string;
  message: string;
}

export interface ScopeReason {
  code: string;
  /** true: lets the record in; false: keeps it out; null: a precondition met. */
  admits: boolean | null;
  message: string;
}

export interface Explanation {
  entity: string;
  action: string;
  allowed: boolean;
  level: string;
  winningRoles: string[];
  roles: RoleLevel[];
  record?: { level: string; inScope: boolean; reasons: ScopeReason[] };
  summary: string;
  roleSource: 'identity' | 'tickets';
  recordId: string | null;
  ticketsStatus?: string;
}

export interface CapabilityExplanation {
  capability: string;
  allowed: boolean;
  state: string;
  grantingRoles: string[];
  roles: { role: string; readOnly: boolean; grant: string; code: string; message: string }[];
  summary: string;
}

export interface Audience {
  entity: string;
  recordId: string;
  roleSource: 'identity' | 'tickets';
  items: { userId: string; username: string; organizationId: string; level: string; winningRoles: string[]; reasons: ScopeReason[] }[];
  total: number;
}

/** The question "may I ACTION on ENTITY (this record)?" as a page asks it. */
export interface AccessQuestion {
  entity: string;
  action: string;
  recordId?: string;
}

export const explainKeys = {
  explain: (q: AccessQuestion) => ['explain', q.entity, q.action, q.recordId ?? null] as const,
  capability: (capability: string) => ['explain', 'capability', capability] as const,
  whoCanSee: (entity: string, recordId: string) => ['explain', 'who-can-see', entity, recordId] as const,
};

export const fetchExplanation = (q: AccessQuestion) => api.get<Explanation>('/api/acl/explain', { query: { entity: q.entity, action: q.action, recordId: q.recordId } });

export const fetchCapabilityExplanation = (capability: string) => api.get<CapabilityExplanation>('/api/acl/explain-capability', { query: { capability } });

export const fetchAudience = (entity: string, recordId: string) => api.get<Audience>('/api/acl/who-can-see', { query: { entity, recordId } });
