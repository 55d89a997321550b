import type { EventEnvelope, EventType } from '@app/contracts';
import { randomUUID } from 'node:crypto';
import { traceparentOf } from '../tracing/trace-context';

/** Runs one SQL statement: TypeORM's `EntityManager.query` and pg's `Client.query` both fit. */
export type RunQuery = (sql: string, params: unknown[]) => Promise<unknown>;

/** A new envelope of DESIGN.md section 2 for an event that `source` publishes, in the trace of the work that publishes it. */
export function newEnvelope<T>(source: string, type: EventType, data: T, correlationId: string | null): EventEnvelope<T> {
  const traceparent = traceparentOf();
  return { id: randomUUID(), type, version: 1, occurredAt: new Date().toISOString(), source, correlationId, ...(traceparent ? { traceparent } : {}), data };
}

/**
 * Writes an event to the `outbox` table in the caller's transaction; the service's relay publishes
 * it. Plain enough for a script without Nest (the operator's `user:activate`).
 */
export async function insertOutboxRow(query: RunQuery, envelope: EventEnvelope): Promise<void> {
  await query('INSERT INTO outbox (event_id, type, envelope) VALUES ($1, $2, $3)', [envelope.id, envelope.type, JSON.stringify(envelope)]);
}
