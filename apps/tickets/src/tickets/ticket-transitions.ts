import type { TicketStatus } from '@app/contracts';

/**
 * The status transitions a ticket may take (DESIGN.md section 6): NEW -> OPEN -> IN_PROGRESS ->
 * WAITING -> RESOLVED -> CLOSED, and reopen RESOLVED -> OPEN. Two more that OrangeTask users expect:
 * WAITING -> IN_PROGRESS (the awaited answer came, work goes on) and IN_PROGRESS -> RESOLVED (solved
 * without having to wait on anybody). CLOSED is final.
 */
export const TICKET_TRANSITIONS: Readonly<Record<TicketStatus, readonly TicketStatus[]>> = {
  NEW: ['OPEN'],
  OPEN: ['IN_PROGRESS'],
  IN_PROGRESS: ['WAITING', 'RESOLVED'],
  WAITING: ['RESOLVED', 'IN_PROGRESS'],
  RESOLVED: ['CLOSED', 'OPEN'],
  CLOSED: [],
};

export const canTransition = (from: TicketStatus, to: TicketStatus): boolean => TICKET_TRANSITIONS[from].includes(to);
