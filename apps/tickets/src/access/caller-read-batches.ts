import type { PreparedStatement } from '@app/service-kit/database';
import { Histogram } from 'prom-client';

/** A read joined on the caller's row, as one caller's statement and as many callers' (`readWithCaller`). */
export interface BatchableRead {
  /** `$1` the caller's user id, `$2` the value. */
  statement: PreparedStatement;
  /** `$1` the user ids, `$2` the values, both uuid[]; each row names its request's 1-based position in BATCH_POSITION. */
  batch: PreparedStatement;
}

export const BATCH_POSITION = '__position';

/** More than this many waiting reads of one statement go out at once; the next read starts a new batch. */
const MAX_BATCH = 256;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** How many reads each statement carried: a batch of 1 is a lone read. Shows that batching happens under load. */
export const joinedReadsPerStatement = new Histogram({
  name: 'db_joined_reads_per_statement',
  help: 'tickets: reads joined on their caller (a ticket by id) that went to PostgreSQL in one statement, by statement name.',
  labelNames: ['statement'] as const,
  buckets: [1, 2, 4, 8, 16, 32, 64, 128, 256],
});

type Row = Record<string, unknown>;
type Run = (statement: PreparedStatement, values: unknown[]) => Promise<Row[]>;

interface Waiting {
  userId: string;
  value: string;
  resolve(row: Row | undefined): void;
  reject(error: unknown): void;
}

/**
 * The reads of one statement that arrive in the same turn of the event loop go to PostgreSQL as one
 * statement: under load tickets receives several requests per socket read, and each of them paid its
 * own round trip (pool, protocol, a backend's wake-up) for a row it could share with the others. The
 * batch runs in the check phase right after the requests were taken in, so a lone read waits for
 * nothing, and it runs alone with the one-caller statement. Each caller gets exactly the row that
 * statement would have given it; a failed batch fails each of its reads with the same error.
 * Values that are not UUIDs (the callers validate them, so never under load) are read alone, so
 * that they cannot fail the others' cast.
 */
export class CallerReadBatches {
  private readonly waiting = new Map<BatchableRead, Waiting[]>();

  constructor(private readonly run: Run) {}

  read(read: BatchableRead, userId: string, value: string): Promise<Row | undefined> {
    if (!UUID.test(userId) || !UUID.test(value)) return this.run(read.statement, [userId, value]).then((rows) => rows[0]);
    return new Promise((resolve, reject) => {
      let queue = this.waiting.get(read);
      if (!queue) {
        queue = [];
        this.waiting.set(read, queue);
        setImmediate(() => this.flush(read, queue!));
      }
      queue.push({ userId, value, resolve, reject });
      if (queue.length >= MAX_BATCH) this.waiting.delete(read);
    });
  }

  private async flush(read: BatchableRead, queue: Waiting[]): Promise<void> {
    if (this.waiting.get(read) === queue) this.waiting.delete(read);
    joinedReadsPerStatement.observe({ statement: read.statement.name }, queue.length);
    try {
      if (queue.length === 1) {
        const [{ userId, value, resolve }] = queue;
        resolve((await this.run(read.statement, [userId, value]))[0]);
        return;
      }
      const rows = await this.run(read.batch, [queue.map((waiting) => waiting.userId), queue.map((waiting) => waiting.value)]);
      const byPosition = new Map<number, Row>();
      for (const { [BATCH_POSITION]: position, ...row } of rows) byPosition.set(Number(position), row);
      queue.forEach((waiting, index) => waiting.resolve(byPosition.get(index + 1)));
    } catch (error) {
      for (const waiting of queue) waiting.reject(error);
    }
  }
}
