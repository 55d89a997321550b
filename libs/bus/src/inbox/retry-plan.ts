/** Where a delivery whose handler failed goes next. */
export type NextStep = { kind: 'retry'; attempt: number; delayMs: number } | { kind: 'dead-letter'; attempt: number };

/**
 * One retry per configured delay, in order, then the dead-letter queue. `attemptHeader` is the
 * message's `x-attempt` header: how many times it was tried before this failure (none: 0).
 * `dependencyAway`: the failure said the service's database could not be reached, which says nothing
 * about the event: it waits the longest delay and tries again without using up an attempt, so an outage
 * longer than the back-off dead-letters nothing.
 */
export function afterFailure(attemptHeader: unknown, retryDelaysMs: readonly number[], dependencyAway = false): NextStep {
  const tried = Number(attemptHeader ?? 0);
  if (dependencyAway && retryDelaysMs.length && Number.isInteger(tried) && tried >= 0) return { kind: 'retry', attempt: tried, delayMs: retryDelaysMs[retryDelaysMs.length - 1] };
  const delayMs = retryDelaysMs[tried];
  return delayMs === undefined ? { kind: 'dead-letter', attempt: tried + 1 } : { kind: 'retry', attempt: tried + 1, delayMs };
}
