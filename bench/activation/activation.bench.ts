// npm run bench:activation: how fast a new user becomes ACTIVE in tickets, seen on the bus.
// 1. One by one (BENCH_USERS, 200): POST /api/users with the security profile TICKETS_ADMINISTRATOR;
//    from its 201 to `tickets.user.activated` for that user reaching a test consumer bound to the
//    suite's exchange. Two outbox hops: identity's (identity.user.created), then tickets' (from the
//    consumer's transaction). Target: p99 under 50 ms.
// 2. A burst (BENCH_BURST_USERS, 10,000; BENCH_BURST_CONNECTIONS, 8): the same POSTs under autocannon;
//    the time identity needed to store them (first request to last 201) against the time until the last
//    of them was activated in tickets. Target: ratio <= 1.2.
// Runs at the services' default OUTBOX_POLL_MS (500). Prints, does not assert.
import { load } from '../common/load';
import { percentiles } from '../common/percentiles';
import { ratio, writeResults } from '../common/results';
import { BusWatcher } from '../common/bus-watcher';
import { runBenchmark, startBenchSuite, userBody } from '../common/bench-suite';

const ONE_BY_ONE = Number(process.env.BENCH_USERS ?? 200);
const BURST = Number(process.env.BENCH_BURST_USERS ?? 10_000);
const BURST_CONNECTIONS = Number(process.env.BENCH_BURST_CONNECTIONS ?? 8);
const PROFILE = 'TICKETS_ADMINISTRATOR';

runBenchmark(async () => {
  const bench = await startBenchSuite();
  const watcher = await BusWatcher.start(bench.environment.amqpUrl, ['tickets.user.activated'], (data) => data.userId);
  // The first hop seen on the bus too: identity's relay publishing identity.user.created.
  const createdEvents = await BusWatcher.start(bench.environment.amqpUrl, ['identity.user.created'], (data) => data.id);
  try {
    const fromCreated: number[] = [];
    const fromRequest: number[] = [];
    const identityHop: number[] = [];
    const ticketsHop: number[] = [];
    for (let i = 0; i < ONE_BY_ONE; i++) {
      const sent = performance.now();
      const response = await bench.admin.post('/api/users', userBody(bench.ids, `one.${i}`, [PROFILE]));
      const created = performance.now();
      if (response.status !== 201) throw new Error(`user ${i}: ${response.status} ${JSON.stringify(response.body)}`);
      const activated = await watcher.arrivalOf(response.body.id);
      const published = await createdEvents.arrivalOf(response.body.id);
      fromCreated.push(activated - created);
      fromRequest.push(activated - sent);
      identityHop.push(published - created);
      ticketsHop.push(activated - published);
    }
    const oneByOne = {
      users: ONE_BY_ONE,
      from201ToActivatedMs: percentiles(fromCreated),
      fromRequestToActivatedMs: percentiles(fromRequest),
      from201ToUserCreatedOnBusMs: percentiles(identityHop),
      fromUserCreatedToActivatedMs: percentiles(ticketsHop),
    };
    const line = (label: string, p: { p50: number; p99: number; max: number }) => `${label}: p50 ${p.p50} ms, p99 ${p.p99} ms, max ${p.max} ms`;
    console.log(line(`one by one, ${ONE_BY_ONE} users, 201 -> tickets.user.activated (target p99 < 50 ms)`, oneByOne.from201ToActivatedMs));
    console.log(line('  of which 201 -> identity.user.created on the bus (identity relay)', oneByOne.from201ToUserCreatedOnBusMs));
    console.log(line('  and identity.user.created -> tickets.user.activated (tickets consumer and relay)', oneByOne.fromUserCreatedToActivatedMs));

    const before = watcher.arrivals.size;
    let next = 0;
    const started = performance.now();
    const stored = await load({
      url: `${bench.environment.gatewayUrl}/api/users`,
      method: 'POST',
      connections: BURST_CONNECTIONS,
      amount: BURST,
      headers: { authorization: `Bearer ${bench.admin.token}` },
      nextBody: () => JSON.stringify(userBody(bench.ids, `burst.${next++}`, [PROFILE])),
    });
    const identityMs = performance.now() - started;
    const deadline = Date.now() + Math.max(120_000, identityMs * 5);
    while (watcher.arrivals.size < before + BURST && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const burstArrivals = [...watcher.arrivals.values()].slice(before);
    if (burstArrivals.length < BURST) throw new Error(`only ${burstArrivals.length} of ${BURST} burst users were activated`);
    const mirroredMs = Math.max(...burstArrivals) - started;
    const burst = {
      users: BURST,
      connections: BURST_CONNECTIONS,
      identityStoredMs: Math.round(identityMs),
      identityUsersPerSecond: Number(((BURST * 1000) / identityMs).toFixed(1)),
      createLatencyMs: stored.latencyMs,
      allActivatedMs: Math.round(mirroredMs),
    };
    console.log(`burst of ${BURST} users at ${BURST_CONNECTIONS} connections: identity stored them in ${burst.identityStoredMs} ms (${burst.identityUsersPerSecond} users/s); all activated in tickets after ${burst.allActivatedMs} ms`);
    const ratios = { burstActivatedOverStored: ratio(mirroredMs, identityMs) };
    console.log(`ratio activated / stored: ${ratios.burstActivatedOverStored} (target <= 1.2)`);
    await watcher.close();
    await createdEvents.close();
    await bench.stop();
    const relays = relayCounts(bench.suite.logs());
    for (const [service, counts] of Object.entries(relays)) console.log(`${service} relay: ${counts.commit} events published by passes a commit woke, ${counts.poll} by the poll, ${counts.start} at start or shutdown`);
    writeResults('activation', { outboxPollMs: Number(bench.environment.env.OUTBOX_POLL_MS), oneByOne, burst, relays }, ratios);
  } finally {
    await watcher.close();
    await createdEvents.close();
    await bench.stop();
  }
});

/** The outbox relays' shutdown lines ("relay published N events: a woken by a commit, b by the poll, c at start or shutdown") by service. */
function relayCounts(logs: string): Record<string, { commit: number; poll: number; start: number }> {
  const counts: Record<string, { commit: number; poll: number; start: number }> = {};
  for (const [, service, commit, poll, start] of logs.matchAll(/\[(\w+)\].*relay published \d+ events: (\d+) woken by a commit, (\d+) by the poll, (\d+) at start/g)) {
    counts[service] = { commit: Number(commit), poll: Number(poll), start: Number(start) };
  }
  return counts;
}
