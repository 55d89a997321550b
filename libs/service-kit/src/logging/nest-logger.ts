import { Logger as PinoNestLogger, Params, PinoLogger } from 'nestjs-pino';
import type { Logger } from 'pino';

/**
 * Nest's LoggerService over the root logger (nestjs-pino): `new Logger('Outbox').log(...)` anywhere
 * becomes a JSON line with `context: "Outbox"`. Built by hand rather than through LoggerModule so it
 * serves from the first line Nest writes, before any module exists.
 */
export function nestLoggerOver(root: Logger): PinoNestLogger {
  const params: Params = { pinoHttp: { logger: root, autoLogging: false } };
  return new PinoNestLogger(new PinoLogger(params), params);
}
