import type { RoleDefinition, SubjectContext } from '@app/acl';
import { LdapImportJobView, LdapImportProblem, LdapImportStatus } from '@app/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { jobLock } from '../jobs/advisory-job-lock';
import { JobTable } from '../jobs/job-table';

/** The advisory lock a running import holds on its job (see jobs/advisory-job-lock.ts). */
export const LDAP_IMPORT_JOB_LOCK = jobLock(1_279_541_328); // 'LDAP'

/**
 * The requester's grants when the import was queued: the active roles' definitions and the
 * subject context. A run compiles its subject from these (with the organization's unit tree as it
 * is then), so a run, or a run again after a restart, acts with what the requester held when asking.
 */
export interface ImportGrants {
  roles: RoleDefinition[];
  context: SubjectContext;
}

interface LdapImportJobRow {
  id: string;
  organization_id: string;
  status: LdapImportStatus;
  requested_by: string;
  actor: ImportGrants;
  total: number;
  processed: number;
  created: number;
  updated: number;
  disabled: number;
  errors: LdapImportProblem[];
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
}

export interface LdapImportJob extends LdapImportJobView {
  grants: ImportGrants;
}

const toJob = (row: LdapImportJobRow): LdapImportJob => ({
  id: row.id,
  organizationId: row.organization_id,
  status: row.status,
  requestedBy: row.requested_by,
  progress: { total: row.total, processed: row.processed, created: row.created, updated: row.updated, disabled: row.disabled },
  errors: row.errors,
  createdAt: row.created_at.toISOString(),
  startedAt: row.started_at?.toISOString() ?? null,
  finishedAt: row.finished_at?.toISOString() ?? null,
  grants: row.actor,
});

export const toImportView = ({ grants: _grants, ...view }: LdapImportJob): LdapImportJobView => view;

/** The most problems a failed job keeps (a directory of thousands of bad entries stays readable). */
const ERRORS_KEPT = 1000;

/** The ldap_import_jobs table: QUEUED -> RUNNING -> DONE or FAILED, as export jobs (JobTable). */
export class LdapImportJobsRepository {
  private readonly table: JobTable;

  constructor(private readonly db: DataSource | EntityManager) {
    this.table = new JobTable(db, 'ldap_import_jobs', LDAP_IMPORT_JOB_LOCK);
  }

  async insert(organizationId: string, requestedBy: string, grants: ImportGrants): Promise<LdapImportJob> {
    const [row] = await this.db.query('INSERT INTO ldap_import_jobs (organization_id, requested_by, actor) VALUES ($1, $2, $3) RETURNING *', [
      organizationId,
      requestedBy,
      JSON.stringify(grants),
    ]);
    return toJob(row);
  }

  async find(id: string): Promise<LdapImportJob | null> {
    const [row] = await this.db.query('SELECT * FROM ldap_import_jobs WHERE id = $1', [id]);
    return row ? toJob(row) : null;
  }

  async start(id: string): Promise<LdapImportJob | null> {
    const row = await this.table.start<LdapImportJobRow>(id);
    return row ? toJob(row) : null;
  }

  requeueLeftOver(): Promise<string[]> {
    return this.table.requeueLeftOver();
  }

  async progress(id: string, total: number, processed: number): Promise<void> {
    await this.db.query('UPDATE ldap_import_jobs SET total = $2, processed = $3 WHERE id = $1', [id, total, processed]);
  }

  async finish(id: string, counts: { created: number; updated: number; disabled: number }): Promise<void> {
    await this.db.query(`UPDATE ldap_import_jobs SET status = 'DONE', created = $2, updated = $3, disabled = $4, finished_at = now() WHERE id = $1`, [
      id,
      counts.created,
      counts.updated,
      counts.disabled,
    ]);
  }

  async fail(id: string, errors: LdapImportProblem[]): Promise<void> {
    const kept = errors.length > ERRORS_KEPT ? [...errors.slice(0, ERRORS_KEPT), { dn: null, message: `and ${errors.length - ERRORS_KEPT} more problems` }] : errors;
    await this.db.query(`UPDATE ldap_import_jobs SET status = 'FAILED', errors = $2, finished_at = now() WHERE id = $1`, [id, JSON.stringify(kept)]);
  }
}
