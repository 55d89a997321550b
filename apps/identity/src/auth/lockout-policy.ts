import type { LockoutSettings } from '@app/service-kit';

/**
 * When the `lockCount`-th lock in a row ends: never (null) in permanent mode (OroCRM: an administrator
 * activates), else after LOCKOUT_DURATION × 2^(lockCount - 1), at most LOCKOUT_MAX_DURATION (Keycloak).
 */
export function lockEnd(settings: LockoutSettings, lockCount: number, now: Date): Date | null {
  if (settings.mode === 'permanent') return null;
  // 2^40 × 1 ms is already 35 years: a bigger exponent only risks Infinity.
  const wait = Math.min(settings.maxDurationMs, settings.durationMs * 2 ** Math.min(Math.max(lockCount - 1, 0), 40));
  return new Date(now.getTime() + wait);
}

/**
 * A lock with an end that has passed is over: the next login is judged as usual. A lock without an
 * end (permanent, whatever the mode is now) lasts until someone activates the user.
 */
export const lockHasEnded = (lockedUntil: Date | null, now: Date): boolean => lockedUntil !== null && lockedUntil.getTime() <= now.getTime();

/** Whole seconds until `lockedUntil`, at least 1: the `Retry-After` of a 423. */
export const secondsUntil = (lockedUntil: Date, now: Date): number => Math.max(1, Math.ceil((lockedUntil.getTime() - now.getTime()) / 1000));
