import type { BusinessUnitNode, RoleDefinition } from '@app/acl';

/** RPC patterns of the tickets service. */
export const TicketsPatterns = {
  /** For the gateway: a user's tickets status, roles and units in one organization (TicketsAccessView). */
  accessGet: 'tickets.access.get',
  ticketsCreate: 'tickets.tickets.create',
  ticketsList: 'tickets.tickets.list',
  ticketsGet: 'tickets.tickets.get',
  ticketsUpdate: 'tickets.tickets.update',
  ticketsTransition: 'tickets.tickets.transition',
  ticketsAssignOwner: 'tickets.tickets.assign-owner',
  ticketsDelete: 'tickets.tickets.delete',
  commentsList: 'tickets.comments.list',
  commentsCreate: 'tickets.comments.create',
  commentsDelete: 'tickets.comments.delete',
  historyList: 'tickets.history.list',
  rolesList: 'tickets.roles.list',
  rolesGet: 'tickets.roles.get',
  rolesCreate: 'tickets.roles.create',
  rolesUpdate: 'tickets.roles.update',
  rolesDelete: 'tickets.roles.delete',
  securityProfilesList: 'tickets.security-profiles.list',
  securityProfilesGet: 'tickets.security-profiles.get',
  securityProfilesCreate: 'tickets.security-profiles.create',
  securityProfilesUpdate: 'tickets.security-profiles.update',
  securityProfilesDelete: 'tickets.security-profiles.delete',
  userSecurityAssignRoles: 'tickets.user-security.assign-roles',
  /** For the portal: service requests of the caller's client account (organization). */
  serviceRequestsCreate: 'tickets.service-requests.create',
  serviceRequestsList: 'tickets.service-requests.list',
} as const;

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
