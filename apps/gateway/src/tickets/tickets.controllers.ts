import { TicketCommentsHttpController } from './ticket-comments.http.controller';
import { TicketRolesHttpController } from './ticket-roles.http.controller';
import { TicketSecurityProfilesHttpController } from './ticket-security-profiles.http.controller';
import { TicketsHttpController } from './tickets.http.controller';
import { UserSecurityHttpController } from './user-security.http.controller';

/** Tickets' REST controllers, added to GATEWAY_CONTROLLERS as one list. */
export const TICKETS_CONTROLLERS = [
  UserSecurityHttpController,
  TicketRolesHttpController,
  TicketSecurityProfilesHttpController,
  TicketsHttpController,
  TicketCommentsHttpController,
];
