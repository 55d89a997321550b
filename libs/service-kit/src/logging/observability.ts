import type { Logger as NestLogger } from 'nestjs-pino';
import type { Logger } from 'pino';
import { startTracing } from '../tracing/start-tracing';
import { nestLoggerOver } from './nest-logger';
import { createRootLogger } from './root-logger';

export interface Observability {
  /** The process's pino logger. */
  root: Logger;
  /** What NestFactory.create takes as `logger`. */
  nestLogger: NestLogger;
}

/** Logs and tracing of one process, set up before Nest starts so its first line is JSON too. */
export function startObservability(service: string, env: Record<string, string | undefined> = process.env): Observability {
  startTracing(service, env);
  const root = createRootLogger(service, env);
  return { root, nestLogger: nestLoggerOver(root) };
}
