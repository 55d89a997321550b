// npm run bench:login: POST /api/auth/login through the gateway (identity verifies the password with
// argon2id over RPC, the gateway signs a token and opens a session) at 4 connections (BENCH_LOGIN_CONNECTIONS)
// for BENCH_SECONDS (10), against argon2id verifications of the same stored hash (so the same
// parameters) with as many in flight, in this process, before and after. Target: at least 0.8x.
// Prints, does not assert.
import { adminQuery } from '@app/testing';
import { runBenchmark, startBenchSuite } from '../common/bench-suite';
import { describe, load } from '../common/load';
import { ratio, writeResults } from '../common/results';
import { argon2VerifyRate } from './argon2-verify';

const CONNECTIONS = Number(process.env.BENCH_LOGIN_CONNECTIONS ?? 4);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

runBenchmark(async () => {
  const bench = await startBenchSuite();
  try {
    const password = bench.environment.env.ADMIN_PASSWORD;
    const [{ hash }] = await adminQuery<{ hash: string }>(bench.environment.databases.identity, `SELECT password_hash AS hash FROM users WHERE username = 'admin'`);
    const body = JSON.stringify({ username: 'admin', password });
    const target = { url: `${bench.environment.gatewayUrl}/api/auth/login`, method: 'POST' as const, body };
    await load({ ...target, connections: CONNECTIONS, durationSeconds: 3 });
    const verifyBefore = await argon2VerifyRate(hash, password, CONNECTIONS, SECONDS);
    const logins = await load({ ...target, connections: CONNECTIONS, durationSeconds: SECONDS });
    const verifyAfter = await argon2VerifyRate(hash, password, CONNECTIONS, SECONDS);
    const verifyPerSecond = Number(((verifyBefore + verifyAfter) / 2).toFixed(1));
    console.log(describe(`logins, ${CONNECTIONS} conn.`, logins));
    console.log(`argon2id verify, ${CONNECTIONS} in flight: ${verifyBefore} /s before, ${verifyAfter} /s after (hash ${hash.split('$').slice(1, 4).join(' ')})`);
    const ratios = { loginsOverVerify: ratio(logins.requestsPerSecond, verifyPerSecond) };
    console.log(`ratio logins / verifications: ${ratios.loginsOverVerify} (target >= 0.8)`);
    writeResults('login', { connections: CONNECTIONS, seconds: SECONDS, logins, argon2VerifyPerSecond: { before: verifyBefore, after: verifyAfter, mean: verifyPerSecond } }, ratios);
  } finally {
    await bench.stop();
  }
});
