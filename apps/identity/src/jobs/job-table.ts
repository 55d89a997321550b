import { DataSource, EntityManager } from 'typeorm';
import { JobLock } from './advisory-job-lock';

/**
 * The steps every job table shares (QUEUED -> RUNNING -> DONE or FAILED, columns status, started_at,
 * created_at): here once for export_jobs and ldap_import_jobs. `table` is a constant of the caller.
 */
export class JobTable {
  constructor(
    private readonly db: DataSource | EntityManager,
    private readonly table: 'export_jobs' | 'ldap_import_jobs',
    private readonly lock: JobLock,
  ) {}

  /** QUEUED -> RUNNING; the row as it now is, or null if another runner took it first. */
  async start<Row>(id: string): Promise<Row | null> {
    const [rows] = await this.db.query(`UPDATE ${this.table} SET status = 'RUNNING', started_at = now() WHERE id = $1 AND status = 'QUEUED' RETURNING *`, [id]);
    return rows.length === 1 ? (rows[0] as Row) : null;
  }

  /**
   * Jobs a stopped process left behind, put back to QUEUED to run again from scratch: RUNNING ones
   * whose lock no live session holds, and QUEUED ones (an in-memory queue does not survive a stop).
   * Returns the ids of every QUEUED job, oldest first. A job queued in another live instance is
   * returned too; whichever instance locks and starts it first runs it, the other skips it.
   */
  async requeueLeftOver(): Promise<string[]> {
    await this.db.query(`UPDATE ${this.table} j SET status = 'QUEUED', started_at = NULL WHERE j.status = 'RUNNING' AND NOT ${this.lock.held('j')}`);
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM ${this.table} WHERE status = 'QUEUED' ORDER BY created_at, id`);
    return rows.map((row) => row.id);
  }
}
