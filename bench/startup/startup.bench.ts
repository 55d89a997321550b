// npm run bench:startup: from the start command (node scripts/start-suite.js on the built code, as
// `npm start` runs it after its build) to every service answering /health 200, on fresh databases
// (first start: databases created, migrations run, seeds written) and again on the same databases
// (a restart). BENCH_STARTS (3) of each; the start script's own figure ("Suite ready in N ms") and
// the time this process saw from spawn to that line. Prints, does not assert.
import { createTestEnvironment, startSuite } from '@app/testing';
import { BENCH_SETTINGS, runBenchmark } from '../common/bench-suite';
import { percentiles } from '../common/percentiles';
import { writeResults } from '../common/results';

const STARTS = Number(process.env.BENCH_STARTS ?? 3);

runBenchmark(async () => {
  const first: number[] = [];
  const again: number[] = [];
  const seen: number[] = [];
  for (let i = 0; i < STARTS; i++) {
    const environment = await createTestEnvironment(BENCH_SETTINGS);
    try {
      for (const list of [first, again]) {
        const spawned = performance.now();
        const suite = await startSuite(environment, undefined, 180_000);
        seen.push(performance.now() - spawned);
        list.push(suite.readyMs);
        await suite.stop();
      }
    } finally {
      await environment.dispose();
    }
    console.log(`start ${i + 1}: first start ${first.at(-1)} ms, restart on the same databases ${again.at(-1)} ms`);
  }
  const figures = { starts: STARTS, firstStartMs: percentiles(first), restartMs: percentiles(again), spawnToReadyLineMs: percentiles(seen) };
  console.log(`start command to all four healthy: first start p50 ${figures.firstStartMs.p50} ms (max ${figures.firstStartMs.max}), restart p50 ${figures.restartMs.p50} ms (max ${figures.restartMs.max})`);
  writeResults('startup', figures, {});
});
