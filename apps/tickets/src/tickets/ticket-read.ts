import type { EntityManager } from 'typeorm';
import { preparedQuery, PreparedStatement } from '@app/service-kit/database';
import { readWithCaller } from '../access/ticket-access.service';
import { Ticket } from './ticket.entity';

// The columns findOne(Ticket) selects (not the ranks nor deleted_at, which are select: false), named
// as the entity's properties. Written out once and prepared: TypeORM's query builder rebuilt this SQL
// on every read, and PostgreSQL planned it again.
const COLUMNS: [column: string, property: keyof Ticket][] = [
  ['id', 'id'], ['type', 'type'], ['subject', 'subject'], ['description', 'description'], ['status', 'status'], ['priority', 'priority'],
  ['owner_id', 'ownerId'], ['assignee_id', 'assigneeId'], ['requester_id', 'requesterId'], ['business_unit_id', 'businessUnitId'],
  ['organization_id', 'organizationId'], ['due_date', 'dueDate'], ['created_at', 'createdAt'], ['updated_at', 'updatedAt'],
];
const selectTicket = (prefix: string, parameter: string) =>
  `SELECT ${COLUMNS.map(([column, property]) => `${column} AS "${prefix}${property}"`).join(', ')} FROM tickets WHERE id = ${parameter} AND deleted_at IS NULL`;

const READ: PreparedStatement = { name: 'tickets.ticket.read', text: selectTicket('', '$1') };
const READ_FOR_UPDATE: PreparedStatement = { name: 'tickets.ticket.read-for-update', text: `${selectTicket('', '$1')} FOR UPDATE` };

/** The ticket read in the statement that reads the caller (TicketAccessService.actorWith): a read's one round trip. */
export const TICKET_WITH_CALLER = readWithCaller('tickets.ticket.read-with-caller', 'ticket.', (parameter) => selectTicket('ticket.', parameter));

/**
 * The ticket that is not deleted, as a Ticket entity (so that manager.save takes it), or null;
 * `lock` takes the row lock (FOR UPDATE) inside the caller's transaction.
 */
export async function readTicket(manager: EntityManager, id: string, lock: boolean): Promise<Ticket | null> {
  const rows = await preparedQuery<Ticket>(manager, lock ? READ_FOR_UPDATE : READ, [id]);
  return asTicket(rows[0] ?? null);
}

export const asTicket = (row: Partial<Ticket> | null): Ticket | null => (row?.id ? Object.assign(new Ticket(), row) : null);
