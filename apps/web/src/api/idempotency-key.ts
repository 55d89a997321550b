/**
 * A fresh Idempotency-Key for one intended change: a form keeps it until the change succeeds, so a
 * retry after a lost answer repeats the same key and the API records the change once.
 * (randomUUID needs a secure context; getRandomValues does not.)
 */
export function newIdempotencyKey(): string {
  if (typeof crypto.randomUUID === 'function' && window.isSecureContext) return crypto.randomUUID();
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join('');
}
