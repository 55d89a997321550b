import { EventTypes, TicketView } from '@app/contracts';
import type { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { HISTORY_FIELDS, HistoryField, ticketView } from './ticket-view';
import { Ticket } from './ticket.entity';

/** Inserts a ticket with a history entry per field it starts with, and announces it. */
export async function insertTicket(manager: EntityManager, publish: PublishInTransaction, actorId: string, values: Partial<Ticket>): Promise<TicketView> {
  const saved = await manager.save(manager.create(Ticket, values));
  const ticket = await manager.findOneByOrFail(Ticket, { id: saved.id });
  const view = ticketView(ticket);
  const entries = HISTORY_FIELDS.filter((field) => view[field] !== null).map((field) => ({ field, oldValue: null, newValue: view[field] }));
  await recordHistory(manager, ticket.id, actorId, entries);
  await announce(publish, EventTypes.TicketCreated, view);
  return view;
}

/** Saves changed fields with one history entry each; no change, no entry and no event. */
export async function changeTicket(manager: EntityManager, publish: PublishInTransaction, actorId: string, ticket: Ticket, changes: Partial<Ticket>): Promise<TicketView> {
  const before = ticketView(ticket);
  Object.assign(ticket, changes);
  const after = ticketView(ticket);
  const changed = HISTORY_FIELDS.filter((field) => before[field] !== after[field]);
  if (!changed.length) return before;
  await manager.save(ticket);
  const saved = ticketView(await manager.findOneByOrFail(Ticket, { id: ticket.id }));
  await recordHistory(manager, ticket.id, actorId, changed.map((field) => ({ field, oldValue: before[field], newValue: after[field] })));
  await announce(publish, EventTypes.TicketUpdated, saved);
  return saved;
}

/**
 * Hides the ticket (its history stays, ending with the deletion) and announces it. Comments go with
 * it: they are reached only through their ticket.
 */
export async function deleteTicket(manager: EntityManager, publish: PublishInTransaction, actorId: string, ticket: Ticket): Promise<{ id: string; deleted: true }> {
  await manager.query('UPDATE tickets SET deleted_at = now(), updated_at = now() WHERE id = $1', [ticket.id]);
  await recordHistory(manager, ticket.id, actorId, [{ field: 'deleted', oldValue: false, newValue: true }]);
  await announce(publish, EventTypes.TicketDeleted, ticketView(ticket));
  return { id: ticket.id, deleted: true };
}

/** One history entry per field; besides the view's fields, `deleted` and `comment` (a comment deleted). */
export async function recordHistory(manager: EntityManager, ticketId: string, actorId: string, entries: { field: HistoryField | 'deleted' | 'comment'; oldValue: unknown; newValue: unknown }[]): Promise<void> {
  if (!entries.length) return;
  await manager.query(
    `INSERT INTO ticket_history (ticket_id, actor_id, field, old_value, new_value)
     SELECT $1, $2, e.field, e.old_value::jsonb, e.new_value::jsonb FROM unnest($3::text[], $4::text[], $5::text[]) AS e(field, old_value, new_value)`,
    [ticketId, actorId, entries.map((e) => e.field), entries.map((e) => jsonValue(e.oldValue)), entries.map((e) => jsonValue(e.newValue))],
  );
}

/** jsonb columns take JSON text; a plain string must be quoted to be one. */
const jsonValue = (value: unknown): string | null => (value === null || value === undefined ? null : JSON.stringify(value));

const announce = (publish: PublishInTransaction, type: typeof EventTypes.TicketCreated | typeof EventTypes.TicketUpdated | typeof EventTypes.TicketDeleted, view: TicketView) =>
  publish(type, { ticketId: view.id, type: view.type, status: view.status, requesterId: view.requesterId, organizationId: view.organizationId });
