// npm run bench:read: GET /api/tickets/:id with a bearer token through the gateway (JWT, session,
// ACL, RPC over RabbitMQ to tickets, PostgreSQL) against a bare Fastify server reading the same row
// with `pg`. autocannon at 1, 16 and 64 connections (BENCH_CONNECTIONS), BENCH_SECONDS (10) each, the
// two targets taking turns at each level after a warm-up. Targets: at 16 and 64 connections at least
// 0.5x the bare server's requests per second, p99 no more than 3x the bare server's.
// BENCH_CPU_PROF=<dir> runs every service with --cpu-prof into that directory (the start script's
// CPU_PROF_DIR; summaries with bench/common/profile-summary.ts). Prints, does not assert.
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { runBenchmark, startBenchSuite } from '../common/bench-suite';
import { cpuPerRequest, CpuParts, sampleCpu } from '../common/cpu-split';
import { describe, load, LoadFigures } from '../common/load';
import { ratio, writeResults } from '../common/results';
import { startBareTicketServer } from './bare-server';

const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,16,64').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PROFILE_DIR = process.env.BENCH_CPU_PROF;

runBenchmark(async () => {
  const bench = await startBenchSuite(PROFILE_DIR ? { CPU_PROF_DIR: PROFILE_DIR } : {});
  const bare = await startBareTicketServer(databaseUrlFor(bench.environment.databaseUrl, bench.environment.databases.tickets));
  try {
    const created = await bench.admin.post('/api/tickets', { type: 'TASK', subject: 'Benchmark ticket', description: 'Read again and again', priority: 'HIGH' });
    if (created.status !== 201) throw new Error(`ticket not created: ${created.status} ${JSON.stringify(created.body)}`);
    const id: string = created.body.id;
    const gateway = { url: `${bench.environment.gatewayUrl}/api/tickets/${id}`, headers: { authorization: `Bearer ${bench.admin.token}` } };
    const baseline = { url: `${bare.url}/tickets/${id}` };
    const [viaGateway, direct] = await Promise.all([bench.admin.get(`/api/tickets/${id}`), fetch(baseline.url).then((r) => r.json())]);
    if (JSON.stringify(viaGateway.body) !== JSON.stringify(direct)) throw new Error(`the two answers differ:\n${JSON.stringify(viaGateway.body)}\n${JSON.stringify(direct)}`);

    await load({ ...gateway, connections: 4, durationSeconds: 3 });
    await load({ ...baseline, connections: 4, durationSeconds: 3 });
    const databases = Object.values(bench.environment.databases);
    // CPU milliseconds per answered request, by process (bench/common/cpu-split.ts).
    const measured = async (target: typeof gateway | typeof baseline, connections: number): Promise<{ figures: LoadFigures; cpuMsPerRequest: CpuParts }> => {
      const before = sampleCpu(bench.suite.pid, databases);
      const figures = await load({ ...target, connections, durationSeconds: SECONDS });
      return { figures, cpuMsPerRequest: cpuPerRequest(before, sampleCpu(bench.suite.pid, databases), figures.requestsPerSecond * figures.seconds) };
    };
    const levels: { connections: number; gateway: LoadFigures; bare: LoadFigures; throughputRatio: number | null; p99Ratio: number | null; cpuMsPerRequest: { gateway: CpuParts; bare: CpuParts } }[] = [];
    for (const connections of LEVELS) {
      const bareRun = await measured(baseline, connections);
      const gatewayRun = await measured(gateway, connections);
      const [bareFigures, gatewayFigures] = [bareRun.figures, gatewayRun.figures];
      const level = {
        connections,
        gateway: gatewayFigures,
        bare: bareFigures,
        cpuMsPerRequest: { gateway: gatewayRun.cpuMsPerRequest, bare: bareRun.cpuMsPerRequest },
        throughputRatio: ratio(gatewayFigures.requestsPerSecond, bareFigures.requestsPerSecond),
        p99Ratio: ratio(gatewayFigures.latencyMs.p99, bareFigures.latencyMs.p99),
      };
      levels.push(level);
      console.log(describe(`bare Fastify + pg, ${connections} conn.`, bareFigures));
      console.log(describe(`gateway, ${connections} conn.`, gatewayFigures));
      const split = (parts: CpuParts) => Object.entries(parts).filter(([, ms]) => ms >= 0.005).map(([part, ms]) => `${part} ${ms}`).join(', ');
      console.log(`  CPU ms per request: gateway run: ${split(gatewayRun.cpuMsPerRequest)}; bare run: ${split(bareRun.cpuMsPerRequest)}`);
      console.log(`  ratio gateway/bare: ${level.throughputRatio}x req/s (target >= 0.5 at 16, 64), p99 ${level.p99Ratio === null ? 'n/a (bare p99 0 ms)' : `${level.p99Ratio}x`} (target <= 3)`);
    }
    const ratios = Object.fromEntries(levels.flatMap((l) => [[`throughputAt${l.connections}`, l.throughputRatio], [`p99At${l.connections}`, l.p99Ratio]]));
    writeResults('read', { seconds: SECONDS, levels }, ratios);
  } finally {
    await bare.close();
    await bench.stop();
  }
});
