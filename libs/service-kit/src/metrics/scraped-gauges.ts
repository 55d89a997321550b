import { BusConnection, EventConsumerFactory, readOutboxBacklog } from '@app/bus';
import { Gauge, register } from 'prom-client';
import { DataSource } from 'typeorm';

/** pg's Pool as TypeORM's postgres driver holds it (`driver.master`). */
interface PgPool {
  totalCount: number;
  idleCount: number;
  waitingCount: number;
  options?: { max?: number };
}

/** A scrape waits this long at most for the database, so a hung connection cannot hang `/metrics`. */
const SCRAPE_QUERY_TIMEOUT_MS = 2000;

const within = <T>(work: Promise<T>, ms: number): Promise<T> =>
  Promise.race([work, new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms).unref())]);

/** A gauge whose value is read when Prometheus scrapes, never on a request's path. */
function scrapedGauge(name: string, help: string, collect: (gauge: Gauge) => void | Promise<void>, labelNames: string[] = []): Gauge {
  register.removeSingleMetric(name);
  return new Gauge({
    name,
    help,
    labelNames,
    async collect() {
      try {
        await collect(this);
      } catch {
        // The dependency is away: no sample rather than a failed scrape (readiness and the bus_connected gauge say why).
        this.reset();
      }
    },
  });
}

/** Gauges of the bus connection and, with a database, the outbox backlog and the connection pool. */
export function registerScrapedGauges(connection: BusConnection, dataSource: DataSource | null, consumers: EventConsumerFactory | null): void {
  scrapedGauge('bus_connected', '1 while the process holds its broker connection, else 0.', (g) => g.set(connection.isConnected() ? 1 : 0));
  if (consumers) {
    scrapedGauge(
      'bus_dead_letter_queue_messages',
      'Messages waiting in <queue>.dlq of each queue this process consumes (the broker count; drain with npm run dlq).',
      async (g) => {
        g.reset();
        for (const consumer of consumers.started) g.set({ queue: consumer.queue }, await within(consumer.deadLetterCount(), SCRAPE_QUERY_TIMEOUT_MS));
      },
      ['queue'],
    );
  }
  if (!dataSource) return;
  let backlog: Promise<{ waiting: number; oldestAgeMs: number }> | null = null;
  // Both gauges come from one query per scrape: the first collect starts it, the second reuses it.
  const readBacklog = () => (backlog ??= within(readOutboxBacklog((sql, params) => dataSource.query(sql, params)), SCRAPE_QUERY_TIMEOUT_MS).finally(() => (backlog = null)));
  scrapedGauge('outbox_events_waiting', 'Events written to the outbox and not yet published.', async (g) => g.set((await readBacklog()).waiting));
  scrapedGauge('outbox_oldest_event_age_seconds', 'How long the oldest unpublished outbox event has waited (0 when none waits).', async (g) =>
    g.set((await readBacklog()).oldestAgeMs / 1000),
  );
  const pool = () => (dataSource.driver as unknown as { master?: PgPool }).master;
  scrapedGauge('db_pool_connections', 'Connections of the database pool: total open, idle, and the pool maximum.', (g) => {
    const p = pool();
    if (!p) return g.reset();
    g.set({ state: 'total' }, p.totalCount);
    g.set({ state: 'idle' }, p.idleCount);
    g.set({ state: 'max' }, p.options?.max ?? 10);
  }, ['state']);
  scrapedGauge('db_pool_waiting_requests', 'Queries waiting for a free pool connection (above 0: the pool is the bottleneck).', (g) => g.set(pool()?.waitingCount ?? 0));
}
