// npm run bench:login: POST /api/auth/login through the gateway (identity verifies the password with
// argon2id over RPC, the gateway signs a token and opens a session) at 4 connections (BENCH_LOGIN_CONNECTIONS),
// against argon2id verifications of the same stored hash (so the same parameters) with as many in
// flight, in this process. The two take turns, BENCH_ROUNDS (6) slices of BENCH_SECONDS (4) each,
// so that the load other people put on a shared machine falls on both alike. Target: at least 0.8x.
// Prints, does not assert.
import { adminQuery } from '@app/testing';
import { runBenchmark, startBenchSuite } from '../common/bench-suite';
import { load } from '../common/load';
import { ratio, writeResults } from '../common/results';
import { argon2VerifyRate } from './argon2-verify';

const CONNECTIONS = Number(process.env.BENCH_LOGIN_CONNECTIONS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);

runBenchmark(async () => {
  const bench = await startBenchSuite();
  try {
    const password = bench.environment.env.ADMIN_PASSWORD;
    const [{ hash }] = await adminQuery<{ hash: string }>(bench.environment.databases.identity, `SELECT password_hash AS hash FROM users WHERE username = 'admin'`);
    const body = JSON.stringify({ username: 'admin', password });
    const target = { url: `${bench.environment.gatewayUrl}/api/auth/login`, method: 'POST' as const, body };
    await load({ ...target, connections: CONNECTIONS, durationSeconds: 3 });
    const rounds: { loginsPerSecond: number; verifyPerSecond: number; ratio: number | null; loginLatencyMs: { p50: number; p99: number } }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const verifyPerSecond = await argon2VerifyRate(hash, password, CONNECTIONS, SECONDS);
      const logins = await load({ ...target, connections: CONNECTIONS, durationSeconds: SECONDS });
      rounds.push({ loginsPerSecond: logins.requestsPerSecond, verifyPerSecond, ratio: ratio(logins.requestsPerSecond, verifyPerSecond), loginLatencyMs: { p50: logins.latencyMs.p50, p99: logins.latencyMs.p99 } });
      console.log(`round ${i + 1}: argon2id verify ${verifyPerSecond} /s, logins ${logins.requestsPerSecond} /s (p50 ${logins.latencyMs.p50} ms, p99 ${logins.latencyMs.p99} ms): ${rounds.at(-1)!.ratio}x`);
    }
    const mean = (values: number[]) => Number((values.reduce((a, b) => a + b, 0) / values.length).toFixed(1));
    const loginsPerSecond = mean(rounds.map((r) => r.loginsPerSecond));
    const verifyPerSecond = mean(rounds.map((r) => r.verifyPerSecond));
    const perRound = rounds.map((r) => r.ratio ?? 0).sort((a, b) => a - b);
    console.log(`logins at ${CONNECTIONS} connections ${loginsPerSecond} /s against argon2id verify with ${CONNECTIONS} in flight ${verifyPerSecond} /s (hash ${hash.split('$').slice(1, 4).join(' ')})`);
    const ratios = { loginsOverVerify: ratio(loginsPerSecond, verifyPerSecond), medianRoundRatio: perRound[Math.floor(perRound.length / 2)] };
    console.log(`ratio logins / verifications: ${ratios.loginsOverVerify} overall, ${ratios.medianRoundRatio} median of rounds (target >= 0.8)`);
    writeResults('login', { connections: CONNECTIONS, rounds: ROUNDS, secondsPerSlice: SECONDS, loginsPerSecond, argon2VerifyPerSecond: verifyPerSecond, perRound: rounds }, ratios);
  } finally {
    await bench.stop();
  }
});
