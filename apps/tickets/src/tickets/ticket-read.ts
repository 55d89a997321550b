import type { EntityManager } from 'typeorm';
import { preparedQuery, PreparedStatement } from '@app/service-kit';
import { Ticket } from './ticket.entity';

// The columns findOne(Ticket) selects (not the ranks nor deleted_at, which are select: false), named
// as the entity's properties. Written out once and prepared: TypeORM's query builder rebuilt this SQL
// on every read, and PostgreSQL planned it again.
const SELECT_TICKET = `SELECT id, type, subject, description, status, priority, owner_id AS "ownerId", assignee_id AS "assigneeId",
       requester_id AS "requesterId", business_unit_id AS "businessUnitId", organization_id AS "organizationId",
       due_date AS "dueDate", created_at AS "createdAt", updated_at AS "updatedAt"
  FROM tickets WHERE id = $1 AND deleted_at IS NULL`;
const READ: PreparedStatement = { name: 'tickets.ticket.read', text: SELECT_TICKET };
const READ_FOR_UPDATE: PreparedStatement = { name: 'tickets.ticket.read-for-update', text: `${SELECT_TICKET} FOR UPDATE` };

/**
 * The ticket that is not deleted, as a Ticket entity (so that manager.save takes it), or null;
 * `lock` takes the row lock (FOR UPDATE) inside the caller's transaction.
 */
export async function readTicket(manager: EntityManager, id: string, lock: boolean): Promise<Ticket | null> {
  const rows = await preparedQuery<Ticket>(manager, lock ? READ_FOR_UPDATE : READ, [id]);
  return rows.length ? Object.assign(new Ticket(), rows[0]) : null;
}
