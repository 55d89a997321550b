// npm run bench:login: POST /api/auth/login through the gateway (identity verifies the password with
// argon2id over RPC, the gateway signs a token and opens a session) at 4 connections (BENCH_LOGIN_CONNECTIONS),
// against argon2id verifications of the same stored hash (so the same parameters) with as many in
// flight, in this process. The two take turns, BENCH_ROUNDS (6) slices of BENCH_SECONDS (4) each,
// so that the load other people put on a shared machine falls on both alike. Target: at least 0.8x.
// A third side, the floor (bench/read/floor), verifies the same hash behind an HTTP process and an RPC
// hop over RabbitMQ, hand-written: what the architecture allows before any of the suite's own work.
// Last, a session's first request after its login against its second (BENCH_FIRST_REQUESTS, 200).
// Prints, does not assert.
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { adminQuery } from '@app/testing';
import { runBenchmark, startBenchSuite } from '../common/bench-suite';
import { cpuPerRequest, CpuParts, sampleCpu } from '../common/cpu-split';
import { load, warmUp } from '../common/load';
import { busyPercent, machineTicks, MachineTicks, ticksBetween } from '../common/machine-busy';
import { ratio, writeResults } from '../common/results';
import { mean, median } from '../common/rounds';
import { Floor, startFloor } from '../read/floor/start-floor';
import { argon2VerifyRate } from './argon2-verify';
import { firstRequestAfterLogin } from './first-request';

const CONNECTIONS = Number(process.env.BENCH_LOGIN_CONNECTIONS ?? 4);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 6);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 4);
const FIRST_REQUESTS = Number(process.env.BENCH_FIRST_REQUESTS ?? 200);

runBenchmark(async () => {
  const bench = await startBenchSuite(process.env.BENCH_CPU_PROF ? { CPU_PROF_DIR: process.env.BENCH_CPU_PROF } : {});
  const databases = Object.values(bench.environment.databases);
  // CPU milliseconds per login and per verification, by process, summed over the rounds (bench/common/cpu-split.ts).
  const spent = { login: { parts: {} as CpuParts, count: 0 }, verify: { parts: {} as CpuParts, count: 0 }, floor: { parts: {} as CpuParts, count: 0 } };
  // The whole machine's busy and total ticks over each side's slices (bench/common/machine-busy.ts).
  const machine: Record<keyof typeof spent, MachineTicks> = { login: { busy: 0, total: 0 }, verify: { busy: 0, total: 0 }, floor: { busy: 0, total: 0 } };
  let floorPids: Record<string, number> = {};
  const measure = async <T>(side: keyof typeof spent, run: () => Promise<T>, countOf: (result: T) => number): Promise<T> => {
    const before = sampleCpu(bench.suite.pid, databases, floorPids);
    const ticks = machineTicks();
    const result = await run();
    const between = ticksBetween(ticks, machineTicks());
    if (between) machine[side] = { busy: machine[side].busy + between.busy, total: machine[side].total + between.total };
    const count = countOf(result);
    for (const [part, ms] of Object.entries(cpuPerRequest(before, sampleCpu(bench.suite.pid, databases, floorPids), 1))) spent[side].parts[part] = (spent[side].parts[part] ?? 0) + ms;
    spent[side].count += count;
    return result;
  };
  let floor: Floor | undefined;
  try {
    const password = bench.environment.env.ADMIN_PASSWORD;
    const [{ hash }] = await adminQuery<{ hash: string }>(bench.environment.databases.identity, `SELECT password_hash AS hash FROM users WHERE username = 'admin'`);
    floor = await startFloor(bench.environment.amqpUrl, databaseUrlFor(bench.environment.databaseUrl, bench.environment.databases.tickets), hash);
    floorPids = floor.pids;
    const body = JSON.stringify({ username: 'admin', password });
    const target = { url: `${bench.environment.gatewayUrl}/api/auth/login`, method: 'POST' as const, body };
    const floorTarget = { url: `${floor.url}/login`, method: 'POST' as const, body };
    // The login last, as in every round, so each side waits as long between its warm-up and its first figure.
    await warmUp([floorTarget, target], CONNECTIONS);
    const rounds: { loginsPerSecond: number; verifyPerSecond: number; floorPerSecond: number; ratio: number | null; floorRatio: number | null; loginLatencyMs: { p50: number; p99: number } }[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      const verifyPerSecond = await measure('verify', () => argon2VerifyRate(hash, password, CONNECTIONS, SECONDS), (rate) => rate * SECONDS);
      const floored = await measure('floor', () => load({ ...floorTarget, connections: CONNECTIONS, durationSeconds: SECONDS }), (f) => f.requestsPerSecond * f.seconds);
      const logins = await measure('login', () => load({ ...target, connections: CONNECTIONS, durationSeconds: SECONDS }), (f) => f.requestsPerSecond * f.seconds);
      rounds.push({
        loginsPerSecond: logins.requestsPerSecond,
        verifyPerSecond,
        floorPerSecond: floored.requestsPerSecond,
        ratio: ratio(logins.requestsPerSecond, verifyPerSecond),
        floorRatio: ratio(floored.requestsPerSecond, verifyPerSecond),
        loginLatencyMs: { p50: logins.latencyMs.p50, p99: logins.latencyMs.p99 },
      });
      const round = rounds.at(-1)!;
      console.log(`round ${i + 1}: argon2id verify ${verifyPerSecond} /s, floor ${floored.requestsPerSecond} /s (${round.floorRatio}x), logins ${logins.requestsPerSecond} /s (p50 ${logins.latencyMs.p50} ms, p99 ${logins.latencyMs.p99} ms): ${round.ratio}x`);
    }
    const loginsPerSecond = mean(rounds.map((r) => r.loginsPerSecond));
    const verifyPerSecond = mean(rounds.map((r) => r.verifyPerSecond));
    const floorPerSecond = mean(rounds.map((r) => r.floorPerSecond));
    console.log(`logins at ${CONNECTIONS} connections ${loginsPerSecond} /s against argon2id verify with ${CONNECTIONS} in flight ${verifyPerSecond} /s (hash ${hash.split('$').slice(1, 4).join(' ')}); the floor ${floorPerSecond} /s`);
    const ratios = {
      loginsOverVerify: ratio(loginsPerSecond, verifyPerSecond),
      medianRoundRatio: median(rounds.map((r) => r.ratio ?? 0)) ?? null,
      floorOverVerify: ratio(floorPerSecond, verifyPerSecond),
    };
    console.log(`ratio logins / verifications: ${ratios.loginsOverVerify} overall, ${ratios.medianRoundRatio} median of rounds (target >= 0.8); floor / verifications ${ratios.floorOverVerify}`);
    const perUnit = (side: keyof typeof spent) => Object.fromEntries(Object.entries(spent[side].parts).map(([part, ms]) => [part, Number((ms / spent[side].count).toFixed(2))]).filter(([, ms]) => Number(ms) >= 0.01));
    const cpuMs = { perLogin: perUnit('login'), perVerification: perUnit('verify'), perFloorLogin: perUnit('floor') };
    console.log(`CPU ms per login: ${JSON.stringify(cpuMs.perLogin)}; per verification: ${JSON.stringify(cpuMs.perVerification)}; per floor login: ${JSON.stringify(cpuMs.perFloorLogin)}`);
    const machineBusyPercent = { login: busyPercent(machine.login), verify: busyPercent(machine.verify), floor: busyPercent(machine.floor) };
    console.log(`machine busy: logins ${machineBusyPercent.login}%, verifications ${machineBusyPercent.verify}%, floor ${machineBusyPercent.floor}%`);
    const firstRequest = await firstRequestAfterLogin(bench.environment.gatewayUrl, password, FIRST_REQUESTS);
    const firstOverSecond = ratio(firstRequest.firstMs.p50, firstRequest.secondMs.p50);
    console.log(`a session's first request after its login (${FIRST_REQUESTS} sessions): p50 ${firstRequest.firstMs.p50} ms, p99 ${firstRequest.firstMs.p99} ms; its second: p50 ${firstRequest.secondMs.p50} ms, p99 ${firstRequest.secondMs.p99} ms; first / second (p50) ${firstOverSecond}`);
    writeResults('login', { connections: CONNECTIONS, rounds: ROUNDS, secondsPerSlice: SECONDS, loginsPerSecond, argon2VerifyPerSecond: verifyPerSecond, floorPerSecond, perRound: rounds, cpuMs, machineBusyPercent, firstRequest }, { ...ratios, firstRequestOverSecond: firstOverSecond });
  } finally {
    await floor?.close();
    await bench.stop();
  }
});
