import { adminQuery, createTestEnvironment, eventually, startSuite, SuiteProcess, TestEnvironment } from '@app/testing';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { join, resolve } from 'node:path';
import { Client } from 'pg';

/**
 * Export jobs a stopped identity left QUEUED or RUNNING run again from scratch when identity starts,
 * unless a live session still holds the job's lock (another instance running it).
 */
describe('exports: jobs left over by a stop', () => {
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
    const [main] = await adminQuery<{ organizationId: string }>(db, `SELECT id AS "organizationId" FROM organizations WHERE name = 'Main'`);
    // Each job keeps the scope and the hash decision of its request: a run again writes those.
    const insertJob = async (status: string, scope: object, includePasswordHashes: boolean) =>
      (
        await adminQuery<{ id: string }>(
          db,
          `INSERT INTO export_jobs (entity, requested_by, status, started_at, scope, include_password_hashes)
           VALUES ('User', $1, $2, CASE WHEN $2 = 'RUNNING' THEN now() END, $3, $4) RETURNING id`,
          [adminId, status, JSON.stringify(scope), includePasswordHashes],
        )
      )[0].id;
    const running = await insertJob('RUNNING', { level: 'GLOBAL' }, true);
    // A unit-level requester of Main whose scope, when they asked, was a unit that owns no one.
    const queued = await insertJob('QUEUED', { level: 'BUSINESS_UNIT', organizationId: main.organizationId, businessUnitIds: [randomUUID()] }, false);
    const elsewhere = await insertJob('RUNNING', { level: 'GLOBAL' }, true);
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
    const everyone = await jobOf(running);
    expect(everyone.row_count).toBe(n);
    const lines = readFileSync(everyone.file_path!, 'utf8').split('\r\n');
    expect(lines[0]).toMatch(/^id,username,/);
    expect(lines.find((line) => line.includes(',admin,'))).toContain('$argon2id$');
    const noOne = await jobOf(queued);
    expect(noOne.row_count).toBe(0);
    expect(readFileSync(noOne.file_path!, 'utf8')).toMatch(/^id,username,[\w,]+\r\n$/);
    expect(existsSync(partial)).toBe(false);
    expect((await jobOf(elsewhere)).status).toBe('RUNNING');
    expect(identity.logs()).toContain('running again 2 export job(s)');
  });
});
