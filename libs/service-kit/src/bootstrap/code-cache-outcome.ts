/** What `runBundle` did with the code cache: `used`, or why not. */
export type CodeCacheOutcome = 'used' | 'absent' | 'rejected' | 'untrusted' | 'off';

// On the global object: the launcher and the bundle it runs each hold their own copy of this file.
const KEY = Symbol.for('crm.code-cache-outcome');

/** Kept by the launcher before it runs the bundle, for the service's ready line. */
export function recordCodeCacheOutcome(outcome: CodeCacheOutcome): void {
  (globalThis as Record<symbol, unknown>)[KEY] = outcome;
}

/** The launcher's outcome; `not bundled` for a service started from tsc's files (a CLI, a test). */
export function codeCacheOutcome(): CodeCacheOutcome | 'not bundled' {
  return ((globalThis as Record<symbol, unknown>)[KEY] as CodeCacheOutcome | undefined) ?? 'not bundled';
}
