import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { Client } from 'pg';
import { JobLock } from './advisory-job-lock';

/**
 * Runs `work` for job `jobId` while holding its lock on a connection of its own (handed to `work`,
 * which may read through it); skips the job (false) when another runner holds the lock. Ending the
 * connection releases the lock, after `work` has moved the job out of RUNNING.
 */
export async function runLockedJob(databaseUrl: string, applicationName: string, lock: JobLock, jobId: string, work: (client: Client) => Promise<void>): Promise<boolean> {
  const client = new Client({ connectionString: databaseUrl, application_name: applicationName });
  try {
    await client.connect();
    const [{ locked }] = (await client.query<{ locked: boolean }>(lock.tryLockSql, [jobId])).rows;
    if (!locked) return false;
    await work(client);
    return true;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * One job at a time per process, in the order queued; a failing job does not stop the next. A job
 * runs in no request's context: queued by a request, it would otherwise keep that request's commit
 * gate, which refuses every commit once the request is past its deadline (a few seconds), and an
 * import that read its directory for longer could never commit.
 */
export class SerialJobQueue {
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly run: (jobId: string) => Promise<void>) {}

  enqueue(jobId: string): void {
    this.queue = context.with(ROOT_CONTEXT, () => this.queue.then(() => this.run(jobId))).catch(() => undefined);
  }
}
