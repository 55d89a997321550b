// The tracing file alone: @app/bus's index brings Nest, which plain tests cannot load.
import { activeTraceId, logFieldsIn } from '@app/bus/tracing/trace-context';
import { context } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import { readLogLevel } from './log-settings';
import { turnBufferedDestination } from './turn-buffered-destination';
import { REDACTED, REDACTED_PATHS } from './redaction';

/**
 * The request id, user id and event id of what is being handled, and its trace id, from the active
 * context: every line gets them without passing a logger around. Fields the call itself names win
 * (pino merges the call's object over this one), so nothing appears twice.
 */
export function correlationFields(): Record<string, string | undefined> {
  const active = context.active();
  const fields = logFieldsIn(active);
  const traceId = activeTraceId(active);
  return fields || traceId ? { ...fields, traceId } : {};
}

/**
 * The process's root pino logger: one JSON object a line on stdout, at `LOG_LEVEL`, with the
 * service's name, correlation fields, and credentials redacted.
 */
export function createRootLogger(service: string, env: Record<string, string | undefined> = process.env, destination?: DestinationStream): Logger {
  const options = { ...baseOptions(service, env), mixin: correlationFields, redact: { paths: REDACTED_PATHS, censor: REDACTED } };
  // Synchronous, as console.log on a pipe is: a process ended by a signal (Nest re-raises SIGTERM
  // after its hooks) or by process.exit keeps its last lines, the drain and relay reports among them.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}

/**
 * The gateway's access log: the root logger's level, base fields and format, its lines of one turn
 * written together (turn-buffered-destination.ts). Its lines name only what request-log.ts puts in
 * them, the request's ids included, so it has neither the correlation mixin (which would look them up
 * again in the active context) nor redaction (never headers, bodies or a query's credentials): pino-http
 * makes a child logger per request, which with redaction compiled the redaction paths again each time
 * (2.5% of the gateway's allocations on a read, docs/BENCHMARKS.md).
 */
export function createAccessLogger(service: string, env: Record<string, string | undefined> = process.env, destination: DestinationStream = turnBufferedDestination()): Logger {
  return pino(baseOptions(service, env), destination);
}

const baseOptions = (service: string, env: Record<string, string | undefined>) => ({
  level: readLogLevel(env),
  base: { service, pid: process.pid },
  timestamp: pino.stdTimeFunctions.isoTime,
});
