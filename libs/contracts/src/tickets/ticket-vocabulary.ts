/** The words of OrangeTask's tickets (DESIGN.md section 6). */
export const TICKET_TYPES = ['TASK', 'CUSTOMER_ISSUE', 'PROJECT', 'SERVICE_REQUEST'] as const;
export type TicketType = (typeof TICKET_TYPES)[number];

export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type TicketPriority = (typeof TICKET_PRIORITIES)[number];

export const TICKET_STATUSES = ['NEW', 'OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED'] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const TICKETS_USER_STATUSES = ['NEW', 'ACTIVE'] as const;
export type TicketsUserStatus = (typeof TICKETS_USER_STATUSES)[number];

/** What tickets answers to a user who is not (or no longer) allowed into the ticketing system. */
export const TICKETS_ACCESS_NOT_ACTIVE = 'TICKETS_ACCESS_NOT_ACTIVE';
