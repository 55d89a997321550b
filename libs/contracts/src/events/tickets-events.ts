import type { TicketStatus, TicketType } from '../tickets/ticket-vocabulary';

/** Payload of `tickets.user.activated` and `.deactivated`: the user and the tickets roles it holds now. */
export interface TicketsUserStatusData {
  userId: string;
  roles: string[];
}

/** Payload of `tickets.ticket.created` and `.updated`. */
export interface TicketChangedData {
  ticketId: string;
  type: TicketType;
  status: TicketStatus;
  requesterId: string;
  organizationId: string;
}
