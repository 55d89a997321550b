// npm run bench:export: 100,000 users exported to CSV through the gateway, against psql's \copy of
// the same query; prints the times and the identity process's memory. Prints, does not assert.
//
// Memory, read from /proc/<identity pid>/status: the resident set just before the export, the peak
// (VmHWM) during the export run, from POST to DONE, with the peak reset just before the POST; the
// peak during the download; and the peak since the process started. The 200 MB target is about the
// peak during the export run: the export must not need memory in proportion to the rows.
import { createTestEnvironment, eventually, GatewayClient, startSuite } from '@app/testing';
import { execFile } from 'node:child_process';
import { rm } from 'node:fs/promises';
import { promisify } from 'node:util';
import { userExportSql } from './built-identity';
import { findIdentityPid, memoryOf, resetPeak } from './identity-process';
import { seedUsers } from './seed-users';

const USERS = Number(process.env.BENCH_USERS ?? 100_000);
const run = promisify(execFile);
const mib = (value: number) => `${value.toFixed(1)} MiB`;

async function main(): Promise<void> {
  const environment = await createTestEnvironment({ LOGIN_RATE_PER_ADDRESS: '1000', EXPORT_DIR: `.run/bench-exports` });
  const suite = await startSuite(environment);
  try {
    const db = environment.databases.identity;
    const seedStarted = Date.now();
    await seedUsers(db, USERS);
    console.log(`seeded ${USERS} users in ${Date.now() - seedStarted} ms`);

    const pid = findIdentityPid(db);
    const admin = await new GatewayClient(environment.gatewayUrl).login('admin', environment.env.ADMIN_PASSWORD);
    const beforeExport = memoryOf(pid);
    resetPeak(pid);
    const started = Date.now();
    const job = await admin.post('/api/exports', { entity: 'User' });
    if (job.status !== 202) throw new Error(`export refused: ${job.status} ${JSON.stringify(job.body)}`);
    const { value: done } = await eventually(async () => {
      const current = await admin.get(`/api/exports/${job.body.id}`);
      return ['DONE', 'FAILED'].includes(current.body.status) ? current.body : undefined;
    }, 300_000, 20);
    const exportMs = Date.now() - started;
    const duringExport = memoryOf(pid);
    if (done.status !== 'DONE') throw new Error(`export failed: ${done.error}`);

    resetPeak(pid);
    const downloadStarted = Date.now();
    const download = await fetch(`${environment.gatewayUrl}/api/exports/${job.body.id}/file`, { headers: { authorization: `Bearer ${admin.token}` } });
    const downloadedBytes = (await download.arrayBuffer()).byteLength;
    const downloadMs = Date.now() - downloadStarted;
    const duringDownload = memoryOf(pid);
    const sinceStart = Math.max(beforeExport.peakMiB, duringExport.peakMiB, duringDownload.peakMiB);

    const url = new URL(environment.databaseUrl);
    url.pathname = `/${db}`;
    const copyFile = `.run/bench-exports/psql-${environment.runId}.csv`;
    // The administrator's export: every user (GLOBAL scope), hashes in.
    const query = userExportSql({ scope: { level: 'GLOBAL' }, includePasswordHashes: true });
    const copyStarted = Date.now();
    await run('psql', [url.toString(), '-q', '-c', `\\copy (${query.replace(/\s+/g, ' ').trim()}) to '${copyFile}' csv header`]);
    const copyMs = Date.now() - copyStarted;
    await rm(copyFile, { force: true });
    const heap = /export [\w-]+: .*?(heap used [^"\n]*)/.exec(suite.logs())?.[1] ?? '(not logged)';

    console.log(`export of ${done.rowCount} users (${(done.sizeBytes / 1048576).toFixed(1)} MiB CSV): ${exportMs} ms from POST to DONE`);
    console.log(`psql \\copy of the same query to a file:  ${copyMs} ms`);
    console.log(`ratio export / psql:                     ${(exportMs / copyMs).toFixed(2)} (target <= 2)`);
    console.log(`identity RSS just before the export:     ${mib(beforeExport.rssMiB)}`);
    console.log(`identity peak RSS during the export:     ${mib(duringExport.peakMiB)} (VmHWM reset before the POST, read at DONE; target < 200 MB = 190.7 MiB)`);
    console.log(`identity at the end of the export:       ${heap}`);
    console.log(`identity peak RSS during the download:   ${mib(duringDownload.peakMiB)} (VmHWM reset before it; the file served in 1 MiB RPC chunks)`);
    console.log(`identity peak RSS since start:           ${mib(sinceStart)}`);
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
