// npm run bench:read: GET /api/tickets/:id with a bearer token through the gateway (JWT, session,
// ACL, RPC over RabbitMQ to tickets, PostgreSQL) against a bare Fastify server reading the same row
// with `pg`. autocannon at 1, 16 and 64 connections (BENCH_CONNECTIONS), BENCH_SECONDS (10) each, the
// targets taking turns at each level after a warm-up, BENCH_ROUNDS (3) times; the verdict is the
// median round's. Targets: at 16 and 64 connections at least 0.5x the bare server's requests per
// second, p99 no more than 3x the bare server's.
// A third target, the floor (floor/start-floor.ts), is the same read through two hand-written
// processes and RabbitMQ: what the suite's architecture allows before any of its own work.
// BENCH_CPU_PROF=<dir> runs every service with --cpu-prof into that directory (the start script's
// CPU_PROF_DIR; summaries with bench/common/profile-summary.ts). Prints, does not assert.
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { runBenchmark, startBenchSuite } from '../common/bench-suite';
import { cpuPerRequest, CpuParts, sampleCpu } from '../common/cpu-split';
import { describe, load, LoadFigures, warmUp } from '../common/load';
import { busyPercent, machineTicks, ticksBetween } from '../common/machine-busy';
import { ratio, writeResults } from '../common/results';
import { known, mean, median } from '../common/rounds';
import { startBareTicketServer } from './bare-server';
import { Floor, startFloor } from './floor/start-floor';

const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

runBenchmark(async () => {
  const bench = await startBenchSuite(PROFILE_DIR ? { CPU_PROF_DIR: PROFILE_DIR } : {});
  const ticketsDatabase = databaseUrlFor(bench.environment.databaseUrl, bench.environment.databases.tickets);
  const bare = await startBareTicketServer(ticketsDatabase);
  let floor: Floor | undefined;
  try {
    floor = await startFloor(bench.environment.amqpUrl, ticketsDatabase);
    const floorPids = floor.pids;
    const created = await bench.admin.post('/api/tickets', { type: 'TASK', subject: 'Benchmark ticket', description: 'Read again and again', priority: 'HIGH' });
    if (created.status !== 201) throw new Error(`ticket not created: ${created.status} ${JSON.stringify(created.body)}`);
    const id: string = created.body.id;
    const gateway = { url: `${bench.environment.gatewayUrl}/api/tickets/${id}`, headers: { authorization: `Bearer ${bench.admin.token}` } };
    const baseline = { url: `${bare.url}/tickets/${id}` };
    const floorTarget = { url: `${floor.url}/tickets/${id}` };
    const [viaGateway, direct, viaFloor] = await Promise.all([bench.admin.get(`/api/tickets/${id}`), fetch(baseline.url).then((r) => r.json()), fetch(floorTarget.url).then((r) => r.json())]);
    for (const other of [direct, viaFloor]) {
      if (JSON.stringify(viaGateway.body) !== JSON.stringify(other)) throw new Error(`the answers differ:\n${JSON.stringify(viaGateway.body)}\n${JSON.stringify(other)}`);
    }

    // In the order the levels measure them, so each target waits as long between its warm-up and its first figure.
    await warmUp([baseline, floorTarget, gateway], 4);
    const databases = Object.values(bench.environment.databases);
    // CPU milliseconds per answered request, by process (bench/common/cpu-split.ts).
    // And how busy the whole machine was (bench/common/machine-busy.ts).
    const measured = async (target: { url: string }, connections: number): Promise<{ figures: LoadFigures; cpuMsPerRequest: CpuParts; machineBusyPercent: number | null }> => {
      const before = sampleCpu(bench.suite.pid, databases, floorPids);
      const ticks = machineTicks();
      const figures = await load({ ...target, connections, durationSeconds: SECONDS });
      const machineBusyPercent = busyPercent(ticksBetween(ticks, machineTicks()));
      return { figures, cpuMsPerRequest: cpuPerRequest(before, sampleCpu(bench.suite.pid, databases, floorPids), figures.requestsPerSecond * figures.seconds), machineBusyPercent };
    };
    const p99Ratio = (of: LoadFigures, to: LoadFigures) => ratio(of.latencyMs.p99, to.latencyMs.p99);
    const describeP99 = (value: number | null) => (value === null ? 'n/a (p99 0 ms)' : `${value}x`);
    const split = (parts: CpuParts) => Object.entries(parts).filter(([, ms]) => ms >= 0.005).map(([part, ms]) => `${part} ${ms}`).join(', ');
    const meanParts = (parts: CpuParts[]): CpuParts => {
      const sums: CpuParts = {};
      for (const p of parts) for (const [part, ms] of Object.entries(p)) sums[part] = (sums[part] ?? 0) + ms / parts.length;
      return Object.fromEntries(Object.entries(sums).map(([part, ms]) => [part, Number(ms.toFixed(3))]));
    };
    const medianOf = (values: (number | null)[]) => median(known(values)) ?? null;
    const meanOf = (values: (number | null)[]) => (known(values).length ? mean(known(values)) : null);
    const spread = (values: (number | null)[]) => (known(values).length ? `${Math.min(...known(values))}-${Math.max(...known(values))}` : 'n/a');
    const sides = ['gateway', 'bare', 'floor'] as const;
    /** One round at a level: the three sides in turn, and the round's ratios. */
    const measureRound = async (connections: number, round: number) => {
      const runs = { bare: await measured(baseline, connections), floor: await measured(floorTarget, connections), gateway: await measured(gateway, connections) };
      const figures = { gateway: runs.gateway.figures, bare: runs.bare.figures, floor: runs.floor.figures };
      const ratios = {
        throughputRatio: ratio(figures.gateway.requestsPerSecond, figures.bare.requestsPerSecond),
        p99Ratio: p99Ratio(figures.gateway, figures.bare),
        floorThroughputRatio: ratio(figures.floor.requestsPerSecond, figures.bare.requestsPerSecond),
        floorP99Ratio: p99Ratio(figures.floor, figures.bare),
      };
      console.log(`${connections} conn., round ${round} of ${ROUNDS}:`);
      console.log(describe('  bare Fastify + pg', figures.bare));
      console.log(describe('  floor (2 processes + RabbitMQ)', figures.floor));
      console.log(describe('  gateway', figures.gateway));
      console.log(`  gateway/bare ${ratios.throughputRatio}x req/s, p99 ${describeP99(ratios.p99Ratio)}; floor/bare ${ratios.floorThroughputRatio}x`);
      return { runs, figures, ratios };
    };
    const levels = [];
    for (const connections of LEVELS) {
      // The three sides take turns, ROUNDS times: a slow stretch of the shared machine falls on one round, not on one side.
      const rounds: Awaited<ReturnType<typeof measureRound>>[] = [];
      for (let round = 1; round <= ROUNDS; round++) rounds.push(await measureRound(connections, round));
      const roundRatios = (key: keyof (typeof rounds)[number]['ratios']) => rounds.map((r) => r.ratios[key]);
      const level = {
        connections,
        rounds: rounds.map((r) => ({ ...r.figures, ...r.ratios })),
        // CPU per request and how busy the machine was: the mean over the rounds.
        cpuMsPerRequest: Object.fromEntries(sides.map((side) => [side, meanParts(rounds.map((r) => r.runs[side].cpuMsPerRequest))])),
        machineBusyPercent: Object.fromEntries(sides.map((side) => [side, meanOf(rounds.map((r) => r.runs[side].machineBusyPercent))])),
        // The verdicts: the median round's ratios.
        throughputRatio: medianOf(roundRatios('throughputRatio')),
        p99Ratio: medianOf(roundRatios('p99Ratio')),
        floorThroughputRatio: medianOf(roundRatios('floorThroughputRatio')),
        floorP99Ratio: medianOf(roundRatios('floorP99Ratio')),
        gatewayOverFloor: medianOf(rounds.map((r) => ratio(r.figures.gateway.requestsPerSecond, r.figures.floor.requestsPerSecond))),
      };
      levels.push(level);
      console.log(`${connections} conn., medians of ${ROUNDS} rounds:`);
      console.log(`  CPU ms per request (mean): gateway run: ${split(level.cpuMsPerRequest.gateway)}; floor run: ${split(level.cpuMsPerRequest.floor)}; bare run: ${split(level.cpuMsPerRequest.bare)}`);
      console.log(`  machine busy (mean): gateway run ${level.machineBusyPercent.gateway}%, floor run ${level.machineBusyPercent.floor}%, bare run ${level.machineBusyPercent.bare}%`);
      console.log(`  ratio gateway/bare: ${level.throughputRatio}x req/s (rounds ${spread(roundRatios('throughputRatio'))}; target >= 0.5 at 16, 64), p99 ${describeP99(level.p99Ratio)} (rounds ${spread(roundRatios('p99Ratio'))}; target <= 3)`);
      console.log(`  ratio floor/bare: ${level.floorThroughputRatio}x req/s, p99 ${describeP99(level.floorP99Ratio)}; gateway/floor: ${level.gatewayOverFloor}x req/s`);
    }
    const ratios = Object.fromEntries(
      levels.flatMap((l) => [
        [`throughputAt${l.connections}`, l.throughputRatio],
        [`p99At${l.connections}`, l.p99Ratio],
        [`floorThroughputAt${l.connections}`, l.floorThroughputRatio],
        [`floorP99At${l.connections}`, l.floorP99Ratio],
      ]),
    );
    writeResults('read', { seconds: SECONDS, rounds: ROUNDS, levels }, ratios);
  } finally {
    await floor?.close();
    await bare.close();
    await bench.stop();
  }
});
