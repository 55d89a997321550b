import pino, { DestinationStream } from 'pino';

export interface TurnBufferedDestination extends DestinationStream {
  /** Writes what waits now; run at exit too. */
  flushSync(): void;
}

/**
 * A pino destination for lines that come once per request (the gateway's access log): the lines
 * written in one turn of the event loop go out in one synchronous write at its end (the check phase),
 * not one write(2) each. Under load that was a system call per request on the gateway's busiest
 * thread, and a wake-up of whatever reads stdout (docs/BENCHMARKS.md, "Read, fourth round"). A line
 * waits at most for the end of its turn; what waits when the process exits is written then. A process
 * killed outright (SIGKILL, or a signal without handler raised in the same turn) loses that turn's
 * lines, which is why the other lines (start, shutdown, relay reports) keep the root logger's
 * line-by-line writes.
 */
export function turnBufferedDestination(fd = 1): TurnBufferedDestination {
  // sonic-boom writing synchronously: it retries a full pipe (EAGAIN) instead of dropping.
  const out = pino.destination({ dest: fd, sync: true });
  let waiting: string[] = [];
  const flushSync = () => {
    if (waiting.length === 0) return;
    const text = waiting.join('');
    waiting = [];
    out.write(text);
  };
  process.on('exit', flushSync);
  return {
    write(line: string) {
      if (waiting.push(line) === 1) setImmediate(flushSync);
    },
    flushSync,
  };
}
