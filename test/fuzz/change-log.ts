import { Client } from 'pg';
import { TestEnvironment } from '@app/testing';

/** One kind of change seen in one database since a mark: which table, which operation, how many rows. */
export interface Change {
  database: string;
  table: string;
  op: string;
  rows: number;
}

/**
 * Tables the log leaves out, or watches only for some operations, and why: what background work of
 * the suite writes them, never a request's refusal.
 *  - migrations: written once at start.
 *  - outbox: the relay marks rows published (UPDATE) after any committed write; a request that
 *    writes inserts a row, so INSERT and DELETE are watched.
 *  - export_jobs: the export runner moves a committed job QUEUED -> RUNNING -> DONE (UPDATE) in the
 *    background; a request can only insert (or delete) a job.
 * Every write of an event consumer is left out too, by its transaction (see `changesSince`).
 */
const LEFT_OUT = ['migrations', 'fuzz_changes'];
const WATCHED_OPS: Record<string, string> = { outbox: 'INSERT OR DELETE', export_jobs: 'INSERT OR DELETE' };

/**
 * A test-only change log in each of the suite's databases: a row trigger on every table appends
 * (table, operation, transaction id) to `fuzz_changes` in the writing transaction, so a rolled-back
 * write leaves nothing. Requests are sent one at a time, so what is logged between two marks, less the
 * transactions of event consumers (those that inserted into `inbox`), was written by that request.
 */
export class ChangeLog {
  private constructor(private readonly clients: Map<string, Client>) {}

  static async install(environment: TestEnvironment): Promise<ChangeLog> {
    const clients = new Map<string, Client>();
    for (const [name, database] of Object.entries(environment.databases)) {
      const url = new URL(environment.databaseUrl);
      url.pathname = `/${database}`;
      const client = new Client({ connectionString: url.toString(), application_name: 'fuzz-change-log' });
      await client.connect();
      await client.query(`
        CREATE TABLE fuzz_changes (id bigserial PRIMARY KEY, tx bigint NOT NULL DEFAULT txid_current(), tbl text NOT NULL, op text NOT NULL);
        CREATE INDEX ON fuzz_changes (tx);
        CREATE FUNCTION fuzz_note_change() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO fuzz_changes (tbl, op) VALUES (TG_TABLE_NAME, TG_OP); RETURN NULL; END $$;`);
      const { rows } = await client.query<{ name: string }>(`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public' AND table_type = 'BASE TABLE'`);
      for (const { name: table } of rows.filter((r) => !LEFT_OUT.includes(r.name))) {
        const ops = WATCHED_OPS[table] ?? 'INSERT OR UPDATE OR DELETE';
        await client.query(`CREATE TRIGGER fuzz_change AFTER ${ops} ON "${table}" FOR EACH ROW EXECUTE FUNCTION fuzz_note_change()`);
      }
      clients.set(name, client);
    }
    return new ChangeLog(clients);
  }

  /** The last log row of each database. */
  async mark(): Promise<Map<string, number>> {
    const entries = await Promise.all(
      [...this.clients].map(async ([name, client]) => {
        const { rows } = await client.query<{ last: string | null }>('SELECT max(id) AS last FROM fuzz_changes');
        return [name, Number(rows[0].last ?? 0)] as const;
      }),
    );
    return new Map(entries);
  }

  /** What was committed after `marks`, less the transactions that applied an event (inserted into inbox). */
  async changesSince(marks: Map<string, number>): Promise<Change[]> {
    const perDatabase = await Promise.all(
      [...this.clients].map(async ([name, client]) => {
        const { rows } = await client.query<{ tbl: string; op: string; rows: string }>(
          `SELECT c.tbl, c.op, count(*) AS rows FROM fuzz_changes c
            WHERE c.id > $1 AND NOT EXISTS (SELECT 1 FROM fuzz_changes e WHERE e.tx = c.tx AND e.tbl = 'inbox')
            GROUP BY c.tbl, c.op ORDER BY 1, 2`,
          [marks.get(name)],
        );
        return rows.map((r): Change => ({ database: name, table: r.tbl, op: r.op, rows: Number(r.rows) }));
      }),
    );
    return perDatabase.flat();
  }

  /** Every table the triggers watch, per database (for the report). */
  async watchedTables(): Promise<Record<string, number>> {
    const counts: Record<string, number> = {};
    for (const [name, client] of this.clients) {
      const { rows } = await client.query<{ n: string }>(`SELECT count(*) AS n FROM pg_trigger WHERE tgname = 'fuzz_change'`);
      counts[name] = Number(rows[0].n);
    }
    return counts;
  }

  async close(): Promise<void> {
    for (const client of this.clients.values()) await client.end();
  }
}
