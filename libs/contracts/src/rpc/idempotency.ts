/** The error codes of idempotent writes, one set for every creating route and for payments. */
export const IdempotencyCodes = {
  /** A key was used before with another body (or another route). */
  reused: 'IDEMPOTENCY_KEY_REUSED',
  /** The header is not one value of 1 to 255 visible ASCII characters. */
  invalid: 'IDEMPOTENCY_KEY_INVALID',
  /** A route that needs a key (payments) was called without one. */
  required: 'IDEMPOTENCY_KEY_REQUIRED',
} as const;

/** How long a key answers retries (Stripe's 24 hours); an older key is taken as new. */
export const IDEMPOTENCY_KEY_TTL_HOURS = 24;
