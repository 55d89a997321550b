import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/client';
import { Page } from '../../api/types';
import { Access } from '../../auth/access';
import type { TicketStatus } from './ticket-transitions';

/** Tickets as the pages read them (DESIGN.md section 6, libs/contracts ticket views). */
export const TICKET_TYPES = ['TASK', 'CUSTOMER_ISSUE', 'PROJECT', 'SERVICE_REQUEST'] as const;
export const TICKET_PRIORITIES = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export { TICKET_STATUSES, type TicketStatus } from './ticket-transitions';

export interface Ticket {
  id: string;
  type: string;
  subject: string;
  description: string | null;
  status: TicketStatus;
  priority: string;
  ownerId: string;
  assigneeId: string | null;
  requesterId: string;
  dueDate: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface TicketComment {
  id: string;
  authorId: string;
  body: string;
  internal: boolean;
  createdAt: string;
}

export interface TicketHistoryEntry {
  id: string;
  actorId: string;
  at: string;
  field: string;
  oldValue: unknown;
  newValue: unknown;
}

export interface TicketPerson {
  id: string;
  username: string;
  firstName: string;
  lastName: string;
}

/** The list's filters, as GET /api/tickets takes them (ListTicketsDto). */
export interface TicketFilters {
  status?: string;
  type?: string;
  priority?: string;
  assigneeId?: string;
  q?: string;
}

export const ticketKeys = {
  all: ['tickets'] as const,
  list: (filters: TicketFilters, offset: number) => ['tickets', 'list', filters, offset] as const,
  one: (id: string) => ['tickets', 'one', id] as const,
  comments: (id: string) => ['tickets', 'one', id, 'comments'] as const,
  history: (id: string) => ['tickets', 'one', id, 'history'] as const,
  people: ['tickets', 'people'] as const,
};

export const ticketPath = (id: string) => `/api/tickets/${encodeURIComponent(id)}`;

/**
 * The people a ticket may be assigned or given to (GET /api/tickets/people), also used to show names
 * for the ids tickets hold; an id outside the first 500 shows as the id.
 */
export const usePeople = () => useQuery({ queryKey: ticketKeys.people, queryFn: () => api.get<Page<TicketPerson>>('/api/tickets/people', { query: { limit: 500 } }) });

export function usePersonName(): (id: string | null) => string {
  const people = usePeople();
  return (id) => {
    if (!id) return '—';
    return people.data?.items.find((p) => p.id === id)?.username ?? id;
  };
}

/** The session's level for a tickets entity's action (tickets roles), NONE when it has none. */
export const ticketLevel = (access: Access, entity: 'Ticket' | 'TicketComment', action: string): string =>
  access.permissions.entities.find((e) => e.entity === entity && e.source === 'tickets')?.levels[action] ?? 'NONE';

export const mayTicket = (access: Access, entity: 'Ticket' | 'TicketComment', action: string): boolean => ticketLevel(access, entity, action) !== 'NONE';

/** One of tickets' own capabilities (they sit in permissions.tickets, not with identity's). */
export const hasTicketsCapability = (access: Access, capability: string): boolean =>
  access.permissions.tickets.capabilities.some((c) => c.capability === capability && c.state === 'ENABLED');

export const labelOf = (value: string): string => value.charAt(0) + value.slice(1).toLowerCase().replace(/_/g, ' ');
