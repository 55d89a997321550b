import { RunQuery } from './outbox-row';

/** What waits in the outbox: rows not yet published, and how long the oldest of them has waited. */
export interface OutboxBacklog {
  waiting: number;
  /** 0 when nothing waits. */
  oldestAgeMs: number;
}

/**
 * One statement over the partial index of unpublished rows (cheap enough for every scrape and every
 * readiness probe); the age is taken by the database's clock, the one that stamped `created_at`.
 */
export async function readOutboxBacklog(query: RunQuery): Promise<OutboxBacklog> {
  const rows = (await query(
    `SELECT count(*)::int AS waiting,
            COALESCE(floor(extract(epoch FROM now() - min(created_at)) * 1000), 0)::bigint AS "oldestAgeMs"
       FROM outbox WHERE published_at IS NULL`,
    [],
  )) as { waiting: number; oldestAgeMs: string | number }[];
  const [row] = rows;
  return { waiting: Number(row?.waiting ?? 0), oldestAgeMs: Math.max(0, Number(row?.oldestAgeMs ?? 0)) };
}
