import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildOwnerTree, BusinessUnitNode, compileSubject, Subject } from '@app/acl';
import { LdapImportProblem, SUITE_ACL } from '@app/contracts';
import { Outbox } from '@app/bus';
import { databaseUrlFor, ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { runLockedJob, SerialJobQueue } from '../jobs/locked-job-run';
import { UsersService } from '../users/users.service';
import { readDirectory } from './directory-read';
import { LdapFailure } from './ldap-connection';
import { assertDirectoryGrantable, assertMayAdministerDirectory } from './ldap-directory-access';
import { LdapDirectory } from './ldap-directory.entity';
import { applyImport, ImportRefused } from './ldap-import-apply';
import { LDAP_IMPORT_JOB_LOCK, LdapImportJob, LdapImportJobsRepository } from './ldap-import-jobs.repository';
import { LdapSecrets } from './ldap-secrets';

/**
 * Runs LDAP import jobs in the background, one at a time per process, as export jobs run (a job holds
 * its lock on a connection of its own; jobs a stopped process left are run again from scratch on
 * start). A run acts with the grants its requester held when queuing (ImportGrants) and the
 * directory configuration as it is when the run starts, re-checked against those grants. It reads the
 * whole directory first; any bad entry fails the job with the list, and nothing changes.
 */
@Injectable()
export class LdapImportRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('LdapImport');
  private readonly databaseUrl: string;
  private readonly jobs: LdapImportJobsRepository;
  private readonly queue = new SerialJobQueue((jobId) => this.run(jobId));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) settings: Settings,
    private readonly outbox: Outbox,
    private readonly users: UsersService,
    private readonly secrets: LdapSecrets,
  ) {
    this.jobs = new LdapImportJobsRepository(dataSource);
    this.databaseUrl = databaseUrlFor(settings.databaseUrl, settings.databases.identity);
  }

  async onApplicationBootstrap(): Promise<void> {
    const leftOver = await this.jobs.requeueLeftOver();
    if (leftOver.length > 0) this.logger.log(`running again ${leftOver.length} LDAP import job(s) left queued or running: ${leftOver.join(', ')}`);
    for (const jobId of leftOver) this.enqueue(jobId);
  }

  /** Queues a committed job; returns at once. */
  enqueue(jobId: string): void {
    this.queue.enqueue(jobId);
  }

  private async run(jobId: string): Promise<void> {
    await runLockedJob(this.databaseUrl, 'identity-ldap-import', LDAP_IMPORT_JOB_LOCK, jobId, async () => {
      const job = await this.jobs.start(jobId);
      if (!job) return;
      try {
        const counts = await this.importFor(job);
        await this.jobs.finish(jobId, counts);
        this.logger.log(`LDAP import ${jobId}: ${counts.created} created, ${counts.updated} updated, ${counts.disabled} disabled`);
      } catch (error) {
        const problems = problemsOf(error);
        this.logger.warn(`LDAP import ${jobId} failed: ${problems.length} problem(s), first: ${problems[0]?.message}`);
        await this.jobs.fail(jobId, problems);
      }
    }).catch(async (error) => {
      this.logger.error(`LDAP import ${jobId} could not run: ${(error as Error)?.message}`);
      await this.jobs.fail(jobId, problemsOf(error)).catch(() => undefined);
    });
  }

  private async importFor(job: LdapImportJob) {
    const subject = await this.subjectOf(job);
    const directory = await this.dataSource.manager.findOneBy(LdapDirectory, { organizationId: job.organizationId });
    if (!directory) throw new Error(`organization ${job.organizationId} has no LDAP directory any more`);
    assertMayAdministerDirectory(subject, job.organizationId);
    await assertDirectoryGrantable(this.dataSource.manager, subject, job.organizationId, directory);
    const snapshot = await readDirectory(directory, this.secrets.bindPassword(directory.id, directory.bindPasswordEncrypted));
    await this.jobs.progress(job.id, snapshot.total, snapshot.total);
    if (snapshot.problems.length) throw new ImportRefused(snapshot.problems);
    return this.outbox.transaction(`ldap-import:${job.id}`, (manager, publish) => applyImport(manager, publish, this.users, subject, directory, snapshot));
  }

  /** The requester's subject from the grants stored with the job, over the organization's units as they are now. */
  private async subjectOf(job: LdapImportJob): Promise<Subject> {
    const units: BusinessUnitNode[] = await this.dataSource.query(
      'SELECT id, parent_id AS "parentId", organization_id AS "organizationId" FROM business_units WHERE organization_id = $1',
      [job.grants.context.organizationId],
    );
    return compileSubject(SUITE_ACL, job.grants.roles, job.grants.context, buildOwnerTree(units));
  }
}

/** What a failed run reports: each refused entry, or the one reason (with the LDAP failure's kind). */
function problemsOf(error: unknown): LdapImportProblem[] {
  if (error instanceof ImportRefused) return error.problems;
  if (error instanceof LdapFailure) return [{ dn: null, message: `${error.failure}: ${error.message}` }];
  if (error instanceof ServiceError) return [{ dn: null, message: error.body.message }];
  return [{ dn: null, message: (error as Error)?.message ?? String(error) }];
}
