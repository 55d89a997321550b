// npm run bench:list: GET /api/tickets?limit=50 through the gateway as a user whose tickets role gives
// Ticket VIEW at DIVISION, over a 200-unit tree (BENCH_UNITS) and 100,000 tickets (BENCH_TICKETS, seeded
// with one SQL statement), against hand-written SQL for the same page through a bare Fastify + pg
// server. autocannon at 1 and 16 connections (BENCH_CONNECTIONS), BENCH_SECONDS (10) each. Before
// timing it checks that both answer the same page and total. Target: the gateway within 2x (its
// requests per second at least 0.5x the bare server's). Prints, does not assert.
import { adminQuery, GatewayClient } from '@app/testing';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { runBenchmark, startBenchSuite, userBody } from '../common/bench-suite';
import { describe, load, LoadFigures, warmUp } from '../common/load';
import { ratio, writeResults } from '../common/results';
import { startBareListServer } from './bare-list-server';
import { createUnitTree, seedTickets } from './division-tree';

const UNITS = Number(process.env.BENCH_UNITS ?? 200);
const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const LEVELS = (process.env.BENCH_CONNECTIONS ?? '1,16').split(',').map(Number);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const PATH = '/tickets?limit=50';

runBenchmark(async () => {
  const bench = await startBenchSuite();
  try {
    const units = await createUnitTree(bench, UNITS);
    const permissions = ['Ticket', 'TicketComment'].flatMap((entity) => ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN'].map((action) => ({ entity, action, level: 'DIVISION' })));
    const role = await bench.admin.post('/api/tickets/roles', { name: 'Division reader', permissions, capabilities: [] });
    if (role.status !== 201) throw new Error(`role: ${role.status} ${JSON.stringify(role.body)}`);
    const home = units[0];
    const body: Record<string, unknown> = { ...userBody(bench.ids, 'division.reader'), ownerBusinessUnitId: home, businessUnitIds: [home] };
    const created = await bench.admin.post('/api/users', body);
    if (created.status !== 201) throw new Error(`user: ${created.status} ${JSON.stringify(created.body)}`);
    const userId: string = created.body.id;
    for (let i = 0; ; i++) {
      const assigned = await bench.admin.put(`/api/tickets/user-security/${userId}/roles`, { roleIds: [role.body.id] });
      if (assigned.status === 200) break;
      if (i > 100) throw new Error(`roles not assigned: ${assigned.status} ${JSON.stringify(assigned.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const reader = await new GatewayClient(bench.environment.gatewayUrl).login('division.reader', body.password as string);
    const [{ adminId }] = await adminQuery<{ adminId: string }>(bench.environment.databases.tickets, `SELECT id AS "adminId" FROM ticket_users WHERE username = 'admin'`);
    const seedStarted = Date.now();
    // Owned by the administrator: what the reader sees comes from the division, not from owning.
    await seedTickets(bench, TICKETS, [bench.ids.businessUnitId, ...units], [adminId]);
    console.log(`${UNITS} units and ${TICKETS} tickets seeded (tickets in ${Date.now() - seedStarted} ms)`);

    const bare = await startBareListServer(databaseUrlFor(bench.environment.databaseUrl, bench.environment.databases.tickets), {
      organizationId: bench.ids.organizationId,
      businessUnitIds: [home],
      userId,
    });
    try {
      const viaGateway = await reader.get(`/api${PATH}`);
      const direct = (await (await fetch(`${bare.url}${PATH}`)).json()) as { total: number };
      if (viaGateway.status !== 200 || JSON.stringify(viaGateway.body) !== JSON.stringify(direct)) {
        throw new Error(`the two answers differ: gateway ${viaGateway.status} total ${viaGateway.body.total}, bare total ${direct.total}`);
      }
      const [{ inScope }] = await adminQuery<{ inScope: number }>(
        bench.environment.databases.tickets,
        `WITH RECURSIVE d AS (SELECT id FROM ticket_business_units WHERE id = $1 UNION SELECT u.id FROM ticket_business_units u JOIN d ON u.parent_id = d.id) SELECT count(*)::int AS "inScope" FROM d`,
        [home],
      );
      console.log(`the division: ${inScope} of ${UNITS + 1} units, ${direct.total} of ${TICKETS} tickets in scope; both answer the same page of 50`);
      const gateway = { url: `${bench.environment.gatewayUrl}/api${PATH}`, headers: { authorization: `Bearer ${reader.token}` } };
      const baseline = { url: `${bare.url}${PATH}` };
      await warmUp([baseline, gateway], 4); // in the order each level measures them
      const levels: { connections: number; gateway: LoadFigures; bare: LoadFigures; throughputRatio: number | null; p99Ratio: number | null }[] = [];
      for (const connections of LEVELS) {
        const bareFigures = await load({ ...baseline, connections, durationSeconds: SECONDS });
        const gatewayFigures = await load({ ...gateway, connections, durationSeconds: SECONDS });
        const level = { connections, gateway: gatewayFigures, bare: bareFigures, throughputRatio: ratio(gatewayFigures.requestsPerSecond, bareFigures.requestsPerSecond), p99Ratio: ratio(gatewayFigures.latencyMs.p99, bareFigures.latencyMs.p99) };
        levels.push(level);
        console.log(describe(`bare hand-written SQL, ${connections} conn.`, bareFigures));
        console.log(describe(`gateway, ${connections} conn.`, gatewayFigures));
        console.log(`  ratio gateway/bare: ${level.throughputRatio}x req/s (target >= 0.5), p99 ${level.p99Ratio === null ? 'n/a (bare p99 0 ms)' : `${level.p99Ratio}x`}`);
      }
      const ratios = Object.fromEntries(levels.flatMap((l) => [[`throughputAt${l.connections}`, l.throughputRatio], [`p99At${l.connections}`, l.p99Ratio]]));
      writeResults('list', { units: UNITS, tickets: TICKETS, unitsInScope: inScope, ticketsInScope: direct.total, pageSize: 50, seconds: SECONDS, levels }, ratios);
    } finally {
      await bare.close();
    }
  } finally {
    await bench.stop();
  }
});
