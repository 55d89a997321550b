// npm run bench:export: 100,000 users exported to CSV through the gateway, against psql's \copy of
// the same query; prints time and the identity process's peak memory. Prints, does not assert.
import { adminQuery, createTestEnvironment, eventually, GatewayClient, startSuite } from '@app/testing';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { USER_EXPORT_SQL } from '../../apps/identity/src/exports/user-export.query';
import { findIdentityPid, memoryOf } from './identity-process';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const run = promisify(execFile);

async function main(): Promise<void> {
  const environment = await createTestEnvironment({ LOGIN_RATE_PER_ADDRESS: '1000', EXPORT_DIR: `.run/bench-exports` });
  const suite = await startSuite(environment);
  try {
    const db = environment.databases.identity;
    const seedStarted = Date.now();
    // A real argon2id hash (the administrator's), reused: seeding must not take 100,000 hashes.
    await adminQuery(
      db,
      `INSERT INTO users (username, password_hash, first_name, last_name, primary_email, owner_business_unit_id, organization_ids, business_unit_ids, security_profiles)
       SELECT 'bench.' || g, a.password_hash, 'First ' || g, CASE WHEN g % 10 = 0 THEN 'Last, "quoted" ' || g ELSE 'Last ' || g END,
              'bench.' || g || '@example.com', a.owner_business_unit_id, a.organization_ids, a.business_unit_ids, ARRAY['Support', 'Sales']
         FROM generate_series(1, $1::int) g, (SELECT * FROM users WHERE username = 'admin') a`,
      [USERS],
    );
    await adminQuery(db, `INSERT INTO user_roles (user_id, role_id, is_default) SELECT u.id, r.id, true FROM users u, roles r WHERE u.username LIKE 'bench.%' AND r.name = 'ADMINISTRATOR'`);
    await adminQuery(db, 'ANALYZE');
    console.log(`seeded ${USERS} users in ${Date.now() - seedStarted} ms`);

    const pid = findIdentityPid(db);
    const before = memoryOf(pid);
    let peak = before.peakMiB;
    const sampler = setInterval(() => (peak = Math.max(peak, memoryOf(pid).peakMiB)), 50);

    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const started = Date.now();
    const job = await admin.post('/api/exports', { entity: 'User' });
    if (job.status !== 202) throw new Error(`export refused: ${job.status} ${JSON.stringify(job.body)}`);
    const { value: done } = await eventually(async () => {
      const current = await admin.get(`/api/exports/${job.body.id}`);
      return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
    }, 300_000, 20);
    const exportMs = Date.now() - started;
    const peakAtDone = Math.max(peak, memoryOf(pid).peakMiB);
    const downloadStarted = Date.now();
    const download = await fetch(`${environment.gatewayUrl}/api/exports/${job.body.id}/file`, { headers: { authorization: `Bearer ${admin.token}` } });
    const downloadedBytes = (await download.arrayBuffer()).byteLength;
    const downloadMs = Date.now() - downloadStarted;
    clearInterval(sampler);
    peak = Math.max(peak, memoryOf(pid).peakMiB);
    if (done.status !== 'DONE') throw new Error(`export failed: ${done.error}`);

    const url = new URL(environment.databaseUrl);
    url.pathname = `/${db}`;
    const copyFile = `.run/bench-exports/psql-${environment.runId}.csv`;
    const copyStarted = Date.now();
    await run('psql', [url.toString(), '-q', '-c', `\\copy (${USER_EXPORT_SQL.replace(/\s+/g, ' ').trim()}) to '${copyFile}' csv header`]);
    const copyMs = Date.now() - copyStarted;
    await rm(copyFile, { force: true });

    console.log(`export of ${done.rowCount} users (${(done.sizeBytes / 1048576).toFixed(1)} MiB CSV): ${exportMs} ms from POST to DONE`);
    console.log(`psql \\copy of the same query to a file:  ${copyMs} ms`);
    console.log(`ratio export / psql:                     ${(exportMs / copyMs).toFixed(2)} (target <= 2)`);
    console.log(`identity peak RSS (VmHWM):               ${peakAtDone.toFixed(1)} MiB at DONE (before the export: ${before.peakMiB.toFixed(1)} MiB; target < 200)`);
    console.log(`identity peak RSS after the download:    ${peak.toFixed(1)} MiB (serving the file in 1 MiB RPC chunks)`);
    console.log(`download through the gateway:            ${downloadedBytes} bytes in ${downloadMs} ms (HTTP ${download.status})`);
  } finally {
    await suite.stop();
    await environment.dispose();
    await rm('.run/bench-exports', { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
