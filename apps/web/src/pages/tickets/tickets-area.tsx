import { ticketsUsable } from '../../auth/access';
import type { Area } from '../area';
import { TicketPage } from './ticket-page';
import { TicketsPage } from './tickets-page';

/** Open to ACTIVE, enabled tickets users (their tickets roles decide the rest, not identity's). */
export const ticketsArea: Area = {
  label: 'Tickets',
  path: 'tickets',
  allowed: (access) => ticketsUsable(access) && access.permissions.entities.some((e) => e.entity === 'Ticket' && e.source === 'tickets' && e.state !== 'DISABLED'),
  routes: [
    { path: 'tickets', element: <TicketsPage /> },
    { path: 'tickets/:id', element: <TicketPage /> },
  ],
};
