/**
 * SQLSTATEs and socket codes that say the database is away for now, not that the request is wrong:
 * class 08 (connection exceptions), 57P01-57P03 (shut down by an administrator or a crash, not yet
 * accepting connections), and the socket failing under the driver.
 */
const UNAVAILABLE_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
/**
 * TypeORM's errors for a transaction whose connection it released after the connection broke under
 * it (a restart mid-transaction); nothing was committed, so a retry is safe.
 */
const RELEASED_RUNNER_ERRORS = new Set(['QueryRunnerAlreadyReleasedError', 'QueryRunnerProviderAlreadyReleasedError']);
/** What pg says when its socket closes under a query, without a code. */
const UNAVAILABLE_MESSAGES = /Connection terminated|connection timeout|Client has encountered a connection error|Client was closed and is not queryable/i;

/**
 * Whether `error` (pg's, or TypeORM's wrapping one in `driverError`) means the database could not be
 * reached: the caller gets 503 and may try again, as for any dependency that is away.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let current = error as { code?: unknown; name?: unknown; message?: unknown; driverError?: unknown; cause?: unknown } | undefined, depth = 0; current && depth < 4; depth++) {
    if (typeof current.code === 'string' && UNAVAILABLE_CODES.has(current.code)) return true;
    if (typeof current.name === 'string' && RELEASED_RUNNER_ERRORS.has(current.name)) return true;
    if (typeof current.message === 'string' && UNAVAILABLE_MESSAGES.test(current.message)) return true;
    current = (current.driverError ?? current.cause) as typeof current;
  }
  return false;
}
