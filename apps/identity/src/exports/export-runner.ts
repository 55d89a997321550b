import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { Mailer } from '../mail/mailer';
import { exportFailedMail, exportReadyMail } from '../mail/messages';
import { MailRecipient } from '../mail/outgoing-mail';
import { ExportJobsRepository } from './export-jobs.repository';
import { readExportDir } from './export-settings';
import { writeUserExport } from './user-export.writer';

/**
 * Runs export jobs in the background, one at a time per process (a job holds a connection and a
 * cursor for its whole run; queueing keeps the pool free for requests), then mails the requester.
 */
@Injectable()
export class ExportRunner {
  private readonly logger = new Logger('Export');
  private readonly directory = readExportDir();
  private readonly jobs: ExportJobsRepository;
  private queue: Promise<void> = Promise.resolve();

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly mailer: Mailer,
  ) {
    this.jobs = new ExportJobsRepository(dataSource);
  }

  /** Queues a committed job; returns at once. */
  enqueue(jobId: string): void {
    this.queue = this.queue.then(() => this.run(jobId));
  }

  private async run(jobId: string): Promise<void> {
    try {
      if (!(await this.jobs.start(jobId))) return;
      await mkdir(this.directory, { recursive: true });
      const path = join(this.directory, `${jobId}.csv`);
      const started = Date.now();
      const written = await writeUserExport(this.dataSource, path);
      await this.jobs.finish(jobId, path, written.rowCount, written.sizeBytes);
      this.logger.log(`export ${jobId}: ${written.rowCount} users, ${written.sizeBytes} bytes in ${Date.now() - started} ms`);
      const requester = await this.requesterOf(jobId);
      if (requester) await this.mailer.send(exportReadyMail(requester, this.mailer.link(`/api/exports/${jobId}/file`), written.rowCount));
    } catch (error) {
      const reason = (error as Error)?.message ?? String(error);
      this.logger.error(`export ${jobId} failed: ${reason}`, (error as Error)?.stack);
      await this.jobs.fail(jobId, reason).catch(() => undefined);
      const requester = await this.requesterOf(jobId).catch(() => null);
      if (requester) await this.mailer.send(exportFailedMail(requester, reason));
    }
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
