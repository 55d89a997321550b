/** A ticket's statuses, in their order (kept here so that this file imports nothing). */
export const TICKET_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

/**
 * The moves tickets allows from each status: a copy of apps/tickets/src/tickets/ticket-transitions.ts
 * (the web imports nothing from the services); test/web/tickets.web-spec.ts holds the two together.
 * Any other move the API refuses with 409 TRANSITION_NOT_ALLOWED, which the page would show.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  NEW: ['OPEN'],
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['WAITING', 'RESOLVED'],
  WAITING: ['RESOLVED', 'IN_PROGRESS'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: [],
};
