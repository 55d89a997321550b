import type { AclScope } from '@app/acl';
import { ExportJobView, ExportStatus } from '@app/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { exportLockHeld } from './export-job-lock';

interface ExportJobRow {
  id: string;
  entity: string;
  status: ExportStatus;
  requested_by: string;
  scope: AclScope;
  include_password_hashes: boolean;
  file_path: string | null;
  row_count: number | null;
  size_bytes: string | null;
  error: string | null;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

/** What the requester asked for, kept with the job so that a run again after a stop writes the same. */
export interface ExportRequest {
  entity: string;
  requestedBy: string;
  /** The requester's User VIEW scope when asking: the rows the file holds. */
  scope: AclScope;
  includePasswordHashes: boolean;
}

export interface ExportJob extends ExportJobView {
  filePath: string | null;
  scope: AclScope;
  includePasswordHashes: boolean;
}

const toJob = (row: ExportJobRow): ExportJob => ({
  id: row.id,
  entity: row.entity,
  status: row.status,
  requestedBy: row.requested_by,
  rowCount: row.row_count,
  sizeBytes: row.size_bytes === null ? null : Number(row.size_bytes),
  error: row.error,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  filePath: row.file_path,
  scope: row.scope,
  includePasswordHashes: row.include_password_hashes,
});

export const toJobView = ({ filePath: _filePath, scope: _scope, includePasswordHashes: _hashes, ...view }: ExportJob): ExportJobView => view;

/** The export_jobs table: a job moves QUEUED -> RUNNING -> DONE or FAILED, each step a guarded update. */
export class ExportJobsRepository {
  constructor(private readonly db: DataSource | EntityManager) {}

  async insert(request: ExportRequest): Promise<ExportJob> {
    const [row] = await this.db.query(
      'INSERT INTO export_jobs (entity, requested_by, scope, include_password_hashes) VALUES ($1, $2, $3, $4) RETURNING *',
      [request.entity, request.requestedBy, JSON.stringify(request.scope), request.includePasswordHashes],
    );
    return toJob(row);
  }

  async find(id: string): Promise<ExportJob | null> {
    const [row] = await this.db.query('SELECT * FROM export_jobs WHERE id = $1', [id]);
    return row ? toJob(row) : null;
  }

  /** QUEUED -> RUNNING; the job as it now is, or null if another runner took it first. */
  async start(id: string): Promise<ExportJob | null> {
    const [rows] = await this.db.query(`UPDATE export_jobs SET status = 'RUNNING', started_at = now() WHERE id = $1 AND status = 'QUEUED' RETURNING *`, [id]);
    return rows.length === 1 ? toJob(rows[0]) : null;
  }

  /**
   * Jobs a stopped process left behind, put back to QUEUED to run again from scratch: RUNNING ones
   * whose lock no live session holds, and QUEUED ones (an in-memory queue does not survive a stop).
   * Returns the ids of every QUEUED job, oldest first. A job queued in another live instance is
   * returned too; whichever instance locks and starts it first runs it, the other skips it.
   */
  async requeueLeftOver(): Promise<string[]> {
    await this.db.query(
      `UPDATE export_jobs j SET status = 'QUEUED', started_at = NULL WHERE j.status = 'RUNNING' AND NOT ${exportLockHeld('j')}`,
    );
    const rows: { id: string }[] = await this.db.query(`SELECT id FROM export_jobs WHERE status = 'QUEUED' ORDER BY created_at, id`);
    return rows.map((row) => row.id);
  }

  async finish(id: string, filePath: string, rowCount: number, sizeBytes: number): Promise<void> {
    await this.db.query(
      `UPDATE export_jobs SET status = 'DONE', file_path = $2, row_count = $3, size_bytes = $4, finished_at = now() WHERE id = $1`,
      [id, filePath, rowCount, sizeBytes],
    );
  }

  async fail(id: string, error: string): Promise<void> {
    await this.db.query(`UPDATE export_jobs SET status = 'FAILED', error = $2, finished_at = now() WHERE id = $1`, [id, error]);
  }
}
