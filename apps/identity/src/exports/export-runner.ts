import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { databaseUrlFor, SETTINGS, Settings } from '@app/service-kit';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Mailer } from '../mail/mailer';
import { exportFailedMail, exportReadyMail } from '../mail/messages';
import { MailRecipient } from '../mail/outgoing-mail';
import { runLockedJob, SerialJobQueue } from '../jobs/locked-job-run';
import { EXPORT_JOB_LOCK } from './export-job-lock';
import { ExportJobsRepository } from './export-jobs.repository';
import { partialPathOf, writeUserExport } from './user-export.writer';

/**
 * Runs export jobs in the background, one at a time per process (a job holds a connection of its own
 * for its whole run), then mails the requester. On start it runs again, from scratch, the jobs a
 * stopped process left QUEUED or RUNNING, so that none stays RUNNING forever; each run writes what
 * its job stored when requested (the requester's scope then, hashes or not), not what holds now.
 */
@Injectable()
export class ExportRunner implements OnApplicationBootstrap {
  private readonly logger = new Logger('Export');
  private readonly directory: string;
  private readonly databaseUrl: string;
  private readonly jobs: ExportJobsRepository;
  private readonly queue = new SerialJobQueue((jobId) => this.run(jobId));

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) settings: Settings,
    private readonly mailer: Mailer,
  ) {
    this.jobs = new ExportJobsRepository(dataSource);
    this.directory = settings.exportDir;
    this.databaseUrl = databaseUrlFor(settings.databaseUrl, settings.databases.identity);
  }

  async onApplicationBootstrap(): Promise<void> {
    const leftOver = await this.jobs.requeueLeftOver();
    if (leftOver.length > 0) this.logger.log(`running again ${leftOver.length} export job(s) left queued or running: ${leftOver.join(', ')}`);
    for (const jobId of leftOver) this.enqueue(jobId);
  }

  /** Queues a committed job; returns at once. */
  enqueue(jobId: string): void {
    this.queue.enqueue(jobId);
  }

  private async run(jobId: string): Promise<void> {
    // The lock first, then QUEUED -> RUNNING: a RUNNING job is always locked while its runner lives.
    await runLockedJob(this.databaseUrl, 'identity-export', EXPORT_JOB_LOCK, jobId, async (client) => {
      try {
        const job = await this.jobs.start(jobId);
        if (!job) return;
        await mkdir(this.directory, { recursive: true });
        const path = join(this.directory, `${jobId}.csv`);
        await rm(partialPathOf(path), { force: true });
        const started = Date.now();
        const written = await writeUserExport(client, path, job);
        await this.jobs.finish(jobId, path, written.rowCount, written.sizeBytes);
        const { heapUsed, rss } = process.memoryUsage();
        this.logger.log(
          `export ${jobId}: ${written.rowCount} users, ${written.sizeBytes} bytes in ${Date.now() - started} ms; heap used ${(heapUsed / 1048576).toFixed(1)} MiB, rss ${(rss / 1048576).toFixed(1)} MiB`,
        );
        const requester = await this.requesterOf(jobId);
        if (requester) await this.mailer.send(exportReadyMail(requester, this.mailer.link(`/api/exports/${jobId}/file`), written.rowCount));
      } catch (error) {
        await this.failed(jobId, error);
      }
    }).catch((error) => this.failed(jobId, error));
  }

  private async failed(jobId: string, error: unknown): Promise<void> {
    const reason = (error as Error)?.message ?? String(error);
    this.logger.error(`export ${jobId} failed: ${reason}`, (error as Error)?.stack);
    await this.jobs.fail(jobId, reason).catch(() => undefined);
    const requester = await this.requesterOf(jobId).catch(() => null);
    if (requester) await this.mailer.send(exportFailedMail(requester, reason)).catch(() => undefined);
  }

  private async requesterOf(jobId: string): Promise<MailRecipient | null> {
    const [row] = await this.dataSource.query(
      `SELECT u.username, u.primary_email AS "primaryEmail", u.first_name AS "firstName", u.last_name AS "lastName"
         FROM export_jobs j JOIN users u ON u.id = j.requested_by WHERE j.id = $1`,
      [jobId],
    );
    return row ?? null;
  }
}
