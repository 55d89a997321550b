import { TicketCommentView, TicketView } from '@app/contracts';
import { TicketComment } from './ticket-comment.entity';
import { Ticket } from './ticket.entity';

export const ticketView = (t: Ticket): TicketView => ({
  id: t.id,
  type: t.type,
  subject: t.subject,
  description: t.description,
  status: t.status,
  priority: t.priority,
  ownerId: t.ownerId,
  assigneeId: t.assigneeId,
  requesterId: t.requesterId,
  businessUnitId: t.businessUnitId,
  organizationId: t.organizationId,
  dueDate: t.dueDate ? t.dueDate.toISOString() : null,
  createdAt: t.createdAt.toISOString(),
  updatedAt: t.updatedAt.toISOString(),
});

/** The fields a history entry may name, as the view shows them. */
export const HISTORY_FIELDS = ['type', 'subject', 'description', 'status', 'priority', 'ownerId', 'businessUnitId', 'assigneeId', 'requesterId', 'dueDate'] as const;
export type HistoryField = (typeof HISTORY_FIELDS)[number];

/** A comment as every reader sees it. */
export const commentView = (c: TicketComment): TicketCommentView => ({ id: c.id, ticketId: c.ticketId, authorId: c.authorId, body: c.body, internal: c.internal, createdAt: c.createdAt.toISOString() });
