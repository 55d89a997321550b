import type { BusinessUnitNode, RoleDefinition } from '@app/acl';
import type { TicketPriority, TicketStatus, TicketsUserStatus, TicketType } from '../../tickets/ticket-vocabulary';
import type { PermissionView } from '../identity/identity-views';

/** Answer of `tickets.access.get`: everything the gateway compiles a tickets subject from. */
export interface TicketsAccessView {
  /** NONE: tickets has not mirrored the user (yet). */
  status: 'NEW' | 'ACTIVE' | 'NONE';
  enabled: boolean;
  /** Whether the user belongs to the organization asked about. */
  member: boolean;
  roles: RoleDefinition[];
  businessUnitIds: string[];
  organizationUnits: BusinessUnitNode[];
}

export interface TicketView {
  id: string;
  type: TicketType;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: TicketPriority;
  ownerId: string;
  assigneeId: string | null;
  requesterId: string;
  businessUnitId: string;
  organizationId: string;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketCommentView {
  id: string;
  ticketId: string;
  authorId: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

export interface TicketHistoryView {
  id: string;
  actorId: string;
  at: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

/** A tickets role; tickets has no field permissions, the list is there so both role views read alike. */
export interface TicketRoleView {
  id: string;
  name: string;
  label: string | null;
  readOnly: boolean;
  permissions: PermissionView[];
  capabilities: string[];
  fieldPermissions: [];
  userCount: number;
  createdAt: string;
}

export interface TicketSecurityProfileView {
  id: string;
  name: string;
  description: string | null;
  roleIds: string[];
  roles: string[];
  createdAt: string;
}

/** A row of User Security: a user, its tickets status and the tickets roles it holds. */
export interface UserSecurityItem {
  id: string;
  username: string;
  status: string;
  roles: string[];
}

/** Answer of `tickets.user-security.assign-roles`. */
export interface UserRolesView {
  id: string;
  status: TicketsUserStatus;
  roles: string[];
  roleIds: string[];
}

/** A service request as the portal shows it: the ticket and its public comments only. */
export interface ServiceRequestView extends TicketView {
  comments: TicketCommentView[];
}

/** A person a ticket may be assigned or given to (`GET /api/tickets/people`). */
export interface TicketPersonView {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}
