import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';

/** GET /api/roles/catalogue (and the tickets one): what a role may hold, entity by entity. */
export interface CatalogueEntity {
  name: string;
  ownership: string;
  actions: string[];
  /** The only levels a role may set on this entity: the ownership decides. */
  levels: string[];
  fieldAcl: boolean;
  fields: string[];
  fieldActions: string[];
}

export interface Catalogue {
  entities: CatalogueEntity[];
  capabilities: string[];
}

export interface Permission {
  entity: string;
  action: string;
  level: string;
}

export interface FieldPermission extends Permission {
  field: string;
}

/** A role as GET /api/roles/:id (and /api/tickets/roles/:id) answers. */
export interface Role {
  id: string;
  name: string;
  label: string | null;
  /** Identity roles only: null is system-wide. */
  organizationId?: string | null;
  readOnly: boolean;
  /** Identity roles only: orders the configurations of a session's roles (the highest wins). */
  priority?: number;
  permissions: Permission[];
  capabilities: string[];
  fieldPermissions: FieldPermission[];
  userCount: number;
}

/** The body of POST and PUT: a role is replaced whole. */
export interface RoleBody {
  name: string;
  label?: string;
  readOnly: boolean;
  organizationId?: string | null;
  priority?: number;
  permissions: Permission[];
  capabilities: string[];
  fieldPermissions?: FieldPermission[];
}

/** Identity's roles and tickets' roles: the same editor over two APIs. */
export interface RoleKind {
  kind: 'crm' | 'tickets';
  /** The API's base path. */
  api: string;
  /** Where the pages live. */
  path: string;
  title: string;
  /** How one role of the kind is named: `CRM role`, `tickets role`. */
  noun: string;
  /** The built-in role: the API refuses to change or delete it (409 ROLE_PROTECTED), so the page offers neither. */
  builtIn: string;
  /** Identity roles belong to an organization (or none: system-wide). */
  hasOrganization: boolean;
  /** The ACL entity, for "Why?"; explain and who-can-see take a Role record, not a TicketRole one. */
  entity: 'Role' | 'TicketRole';
}

export const CRM_ROLES: RoleKind = { kind: 'crm', api: '/api/roles', path: '/roles', title: 'CRM roles', noun: 'CRM role', builtIn: 'ADMINISTRATOR', hasOrganization: true, entity: 'Role' };
export const TICKETS_ROLES: RoleKind = { kind: 'tickets', api: '/api/tickets/roles', path: '/roles/tickets', title: 'Tickets roles', noun: 'tickets role', builtIn: 'TICKETS_ADMINISTRATOR', hasOrganization: false, entity: 'TicketRole' };

export const roleKeys = {
  all: (kind: RoleKind) => ['roles', kind.kind] as const,
  list: (kind: RoleKind) => ['roles', kind.kind, 'list'] as const,
  one: (kind: RoleKind, id: string) => ['roles', kind.kind, 'one', id] as const,
  catalogue: (kind: RoleKind) => ['roles', kind.kind, 'catalogue'] as const,
};

export const useRoles = (kind: RoleKind) => useQuery({ queryKey: roleKeys.list(kind), queryFn: () => api.get<Page<Role>>(kind.api, { query: { limit: 500 } }) });

export const useRole = (kind: RoleKind, id: string | undefined) =>
  useQuery({ queryKey: roleKeys.one(kind, id ?? ''), queryFn: () => api.get<Role>(`${kind.api}/${id}`), enabled: id !== undefined });

export const useCatalogue = (kind: RoleKind) =>
  useQuery({ queryKey: roleKeys.catalogue(kind), queryFn: () => api.get<Catalogue>(`${kind.api}/catalogue`), staleTime: Infinity });

export interface Organization {
  id: string;
  name: string;
}

export const useOrganizations = (enabled: boolean) =>
  useQuery({ queryKey: ['organizations', 'list'], queryFn: () => api.get<Page<Organization>>('/api/organizations', { query: { limit: 500 } }), enabled });
