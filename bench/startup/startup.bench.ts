// npm run bench:startup: from the start command (node scripts/start-suite.js on the built code, as
// `npm start` runs it after its build) to every service answering /health 200, on fresh databases
// (first start: databases created, migrations run, seeds written) and again on the same databases
// (a restart). BENCH_STARTS (3) rounds, each with the services' code cache (CODE_CACHE_DIR, written
// by a warm-up start) and without it (CODE_CACHE_DIR=none), in alternating order; the start
// script's own figure ("Suite ready in N ms") and the time this process saw from spawn to that line.
// Prints, does not assert.
import { createTestEnvironment, startSuite } from '@app/testing';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_SETTINGS, runBenchmark } from '../common/bench-suite';
import { percentiles } from '../common/percentiles';
import { ratio, writeResults } from '../common/results';

const STARTS = Number(process.env.BENCH_STARTS ?? 3);
const SERVICES = 4;

interface Starts {
  first: number[];
  again: number[];
  seen: number[];
}

/** A first start and a restart on fresh databases, with `codeCacheDir` as CODE_CACHE_DIR. */
async function startTwice(codeCacheDir: string, into: Starts): Promise<void> {
  const environment = await createTestEnvironment({ ...BENCH_SETTINGS, CODE_CACHE_DIR: codeCacheDir });
  try {
    for (const list of [into.first, into.again]) {
      const spawned = performance.now();
      const suite = await startSuite(environment, undefined, 180_000);
      into.seen.push(performance.now() - spawned);
      list.push(suite.readyMs);
      await suite.stop();
    }
  } finally {
    await environment.dispose();
  }
}

/** Starts the suite once and waits until each service has written its code cache into `dir`. */
async function warmCodeCache(dir: string): Promise<void> {
  const environment = await createTestEnvironment({ ...BENCH_SETTINGS, CODE_CACHE_DIR: dir });
  const suite = await startSuite(environment, undefined, 180_000);
  try {
    const until = Date.now() + 60_000;
    while (readdirSync(dir).filter((file) => file.endsWith('.v8')).length < SERVICES) {
      if (Date.now() > until) throw new Error(`the services wrote no code cache into ${dir} within 60 s`);
      await new Promise((wait) => setTimeout(wait, 500));
    }
  } finally {
    await suite.stop();
    await environment.dispose();
  }
}

runBenchmark(async () => {
  const cacheDir = mkdtempSync(join(tmpdir(), 'bench-code-cache-'));
  const cached: Starts = { first: [], again: [], seen: [] };
  const uncached: Starts = { first: [], again: [], seen: [] };
  try {
    await warmCodeCache(cacheDir);
    for (let i = 0; i < STARTS; i++) {
      const order: Array<[string, Starts]> = [
        [cacheDir, cached],
        ['none', uncached],
      ];
      for (const [dir, into] of i % 2 === 0 ? order : order.reverse()) await startTwice(dir, into);
      console.log(
        `round ${i + 1}: with code cache first start ${cached.first.at(-1)} ms, restart ${cached.again.at(-1)} ms; ` +
          `without: first start ${uncached.first.at(-1)} ms, restart ${uncached.again.at(-1)} ms`,
      );
    }
  } finally {
    rmSync(cacheDir, { recursive: true, force: true });
  }
  const summary = (starts: Starts) => ({ firstStartMs: percentiles(starts.first), restartMs: percentiles(starts.again), spawnToReadyLineMs: percentiles(starts.seen) });
  const figures = { starts: STARTS, withCodeCache: summary(cached), withoutCodeCache: summary(uncached) };
  const ratios = {
    firstStartWithCacheVsWithout: ratio(figures.withCodeCache.firstStartMs.p50, figures.withoutCodeCache.firstStartMs.p50),
    restartWithCacheVsWithout: ratio(figures.withCodeCache.restartMs.p50, figures.withoutCodeCache.restartMs.p50),
  };
  for (const [name, side] of [
    ['with code cache', figures.withCodeCache],
    ['without code cache', figures.withoutCodeCache],
  ] as const) {
    console.log(`start command to all four healthy, ${name}: first start p50 ${side.firstStartMs.p50} ms (max ${side.firstStartMs.max}), restart p50 ${side.restartMs.p50} ms (max ${side.restartMs.max})`);
  }
  console.log(`with the code cache against without: first start ${ratios.firstStartWithCacheVsWithout}x, restart ${ratios.restartWithCacheVsWithout}x`);
  writeResults('startup', figures, ratios);
});
