import type { AclScope } from '@app/acl';
import { ExportJobView, ExportStatus } from '@app/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { JobTable } from '../jobs/job-table';
import { EXPORT_JOB_LOCK } from './export-job-lock';

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
  private readonly table: JobTable;

  constructor(private readonly db: DataSource | EntityManager) {
    this.table = new JobTable(db, 'export_jobs', EXPORT_JOB_LOCK);
  }

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
    const row = await this.table.start<ExportJobRow>(id);
    return row ? toJob(row) : null;
  }

  /** Jobs a stopped process left QUEUED or RUNNING, queued again (JobTable.requeueLeftOver). */
  requeueLeftOver(): Promise<string[]> {
    return this.table.requeueLeftOver();
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
