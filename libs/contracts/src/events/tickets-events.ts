import type { TicketStatus, TicketType } from '../tickets/ticket-vocabulary';

/** Payload of `tickets.user.activated` and `.deactivated`: the user and the tickets roles it holds now. */
export interface TicketsUserStatusData {
  userId: string;
  roles: string[];
}

/** Payload of `tickets.user.access-changed`. */
export interface TicketsUserAccessChangedData {
  userId: string;
}

/** Payload of `tickets.acl.changed`: what changed (`role` or `business-unit`) and its id. */
export interface TicketsAclChangedData {
  kind: 'role' | 'business-unit';
  id: string;
}

/** Payload of `tickets.ticket.created`, `.updated` and `.deleted`.*/
export interface TicketChangedData {
  ticketId: string;
  type: TicketType;
  status: TicketStatus;
  requesterId: string;
  organizationId: string;
}
