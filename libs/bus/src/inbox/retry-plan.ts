/** Where a delivery whose handler failed goes next. */
export type NextStep = { kind: 'retry'; attempt: number; delayMs: number } | { kind: 'dead-letter'; attempt: number };

/**
 * One retry per configured delay, in order, then the dead-letter queue. `attemptHeader` is the
 * message's `x-attempt` header: how many times it was tried before this failure (none: 0).
 */
export function afterFailure(attemptHeader: unknown, retryDelaysMs: readonly number[]): NextStep {
  const tried = Number(attemptHeader ?? 0);
  const delayMs = retryDelaysMs[tried];
  return delayMs === undefined ? { kind: 'dead-letter', attempt: tried + 1 } : { kind: 'retry', attempt: tried + 1, delayMs };
}
