import { Logger } from '@nestjs/common';

/**
 * The bound of a graceful stop: Nest's shutdown hooks drain and close on SIGTERM/SIGINT; should
 * something hang (a handler, a broker that does not answer), the process still exits after `ms`.
 */
export function exitWithin(ms: number, name: string): void {
  const arm = (signal: NodeJS.Signals) => {
    new Logger(name).log(`${signal}: draining, exiting within ${ms} ms`);
    setTimeout(() => {
      new Logger(name).error(`still running ${ms} ms after ${signal}: exiting`);
      process.exit(1);
    }, ms).unref();
  };
  process.once('SIGTERM', arm);
  process.once('SIGINT', arm);
}
