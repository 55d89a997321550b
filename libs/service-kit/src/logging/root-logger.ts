// The tracing file alone: @app/bus's index brings Nest, which plain tests cannot load.
import { activeTraceId, logFieldsIn } from '@app/bus/tracing/trace-context';
import { context } from '@opentelemetry/api';
import pino, { DestinationStream, Logger } from 'pino';
import { readLogLevel } from './log-settings';
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
 * The process's one pino logger: one JSON object a line on stdout, at `LOG_LEVEL`, with the
 * service's name, correlation fields, and credentials redacted.
 */
export function createRootLogger(service: string, env: Record<string, string | undefined> = process.env, destination?: DestinationStream): Logger {
  const options = {
    level: readLogLevel(env),
    base: { service, pid: process.pid },
    timestamp: pino.stdTimeFunctions.isoTime,
    redact: { paths: REDACTED_PATHS, censor: REDACTED },
    mixin: correlationFields,
  };
  // Synchronous, as console.log on a pipe is: a process ended by a signal (Nest re-raises SIGTERM
  // after its hooks) or by process.exit keeps its last lines, the drain and relay reports among them.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: true }));
}
