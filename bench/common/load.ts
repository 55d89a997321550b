import autocannon from 'autocannon';

/** One autocannon run as the benchmarks report it. */
export interface LoadFigures {
  connections: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  /** Responses that were not 2xx plus connection errors: a figure with any is not comparable. */
  failures: number;
}

export interface LoadOptions {
  url: string;
  connections: number;
  durationSeconds?: number;
  /** Fixed number of requests instead of a duration. */
  amount?: number;
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  /** A body per request (each connection asks for the next). */
  nextBody?: () => string;
}

/** HTTP load with autocannon over keep-alive connections; throws if it saw failures and `allowFailures` is not set. */
export async function load(options: LoadOptions, allowFailures = false): Promise<LoadFigures> {
  const result = await autocannon({
    url: options.url,
    connections: options.connections,
    duration: options.durationSeconds ?? 10,
    amount: options.amount,
    method: options.method ?? 'GET',
    headers: { ...(options.body || options.nextBody ? { 'content-type': 'application/json' } : {}), ...options.headers },
    body: options.body,
    requests: options.nextBody ? [{ setupRequest: (request) => ({ ...request, body: options.nextBody!() }) }] : undefined,
    timeout: 30,
  });
  const ok = result['2xx'];
  const figures: LoadFigures = {
    connections: options.connections,
    seconds: Number(result.duration.toFixed(2)),
    requestsPerSecond: Number((ok / result.duration).toFixed(1)),
    latencyMs: { p50: result.latency.p50, p90: result.latency.p90, p99: result.latency.p99, max: result.latency.max },
    failures: result.non2xx + result.errors,
  };
  if (figures.failures && !allowFailures) throw new Error(`${options.method ?? 'GET'} ${options.url}: ${result.non2xx} non-2xx responses and ${result.errors} errors`);
  return figures;
}

/** One line of a table: `label  1234.5 req/s  p50 3 ms  p99 12 ms`. */
export const describe = (label: string, f: LoadFigures): string =>
  `${label.padEnd(34)} ${f.requestsPerSecond.toFixed(1).padStart(8)} req/s   p50 ${String(f.latencyMs.p50).padStart(4)} ms   p99 ${String(f.latencyMs.p99).padStart(4)} ms${f.failures ? `   (${f.failures} failed)` : ''}`;

/**
 * Seconds of load each target gets before anything is measured (BENCH_WARM_SECONDS, 30). A service
 * that has just started runs most of its JavaScript unoptimised and spends a core's share compiling it:
 * at 50 logins/s the gateway's CPU per login fell from 4.2 to 2.2 ms over the first 50 s of load
 * (docs/BENCHMARKS.md, "Login, third round"). A service in production has been up far longer; the figures are
 * its steady state, and every side of a comparison gets the same warm-up.
 */
export const WARM_SECONDS = Number(process.env.BENCH_WARM_SECONDS ?? 30);

/** Loads each target in turn for WARM_SECONDS at `connections`, failures not allowed. */
export async function warmUp(targets: Omit<LoadOptions, 'connections'>[], connections: number): Promise<void> {
  for (const target of targets) await load({ ...target, connections, durationSeconds: WARM_SECONDS });
}
