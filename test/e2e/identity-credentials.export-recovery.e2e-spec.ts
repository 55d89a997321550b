import { adminQuery, createTestEnvironment, eventually, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Export jobs a stopped identity left QUEUED or RUNNING run again from scratch when identity starts,
 * unless a live session still holds the job's lock (another instance running it).
 */
describe('identity credentials: export jobs left over by a stop', () => {
  let environment: TestEnvironment;
  let identity: SuiteProcess | undefined;
  let lockHolder: Client | undefined;
  const directory = resolve(__dirname, '../../.run', `e2e-exports-${process.pid}-${Date.now()}`);

  beforeAll(async () => {
    environment = await createTestEnvironment({ EXPORT_DIR: directory });
  });

  afterAll(async () => {
    await identity?.stop();
    await lockHolder?.end();
    await environment?.dispose();
    rmSync(directory, { recursive: true, force: true });
  });

  it('runs the orphaned ones to DONE, removes their partial file, and leaves a job locked elsewhere alone', async () => {
    // A first start migrates and seeds; then identity is stopped, as a crash or a deploy would.
    identity = await startSuite(environment, ['identity']);
    await identity.stop();
    identity = undefined;

    const db = environment.databases.identity;
    const [{ id: adminId }] = await adminQuery<{ id: string }>(db, `SELECT id FROM users WHERE username = 'admin'`);
    const insertJob = async (status: string) =>
      (
        await adminQuery<{ id: string }>(
          db,
          `INSERT INTO export_jobs (entity, requested_by, status, started_at) VALUES ('User', $1, $2, CASE WHEN $2 = 'RUNNING' THEN now() END) RETURNING id`,
          [adminId, status],
        )
      )[0].id;
    const running = await insertJob('RUNNING');
    const queued = await insertJob('QUEUED');
    const elsewhere = await insertJob('RUNNING');
    mkdirSync(directory, { recursive: true });
    const partial = join(directory, `${running}.csv.partial`);
    writeFileSync(partial, 'id,username\r\nhalf a line');

    // A live session holds the lock of the third job, as another identity instance running it would.
    const url = new URL(environment.databaseUrl);
    url.pathname = `/${db}`;
    lockHolder = new Client({ connectionString: url.toString() });
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock(1163416660, hashtext($1::text))', [elsewhere]);

    identity = await startSuite(environment, ['identity']);
    const jobOf = async (id: string) => (await adminQuery<{ status: string; row_count: number | null; file_path: string | null }>(db, 'SELECT * FROM export_jobs WHERE id = $1', [id]))[0];
    await eventually(async () => ((await jobOf(running)).status === 'DONE' && (await jobOf(queued)).status === 'DONE') || undefined, 30_000);

    const [{ n }] = await adminQuery<{ n: number }>(db, 'SELECT count(*)::int AS n FROM users');
    for (const id of [running, queued]) {
      const job = await jobOf(id);
      expect(job.row_count).toBe(n);
      expect(readFileSync(job.file_path!, 'utf8').split('\r\n')[0]).toMatch(/^id,username,/);
    }
    expect(existsSync(partial)).toBe(false);
    expect((await jobOf(elsewhere)).status).toBe('RUNNING');
    expect(identity.logs()).toContain('running again 2 export job(s)');
  });
});
