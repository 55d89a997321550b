import { ErrorBody, errorBody, IDEMPOTENCY_KEY_MAX } from '@app/contracts';

/** Visible ASCII only: a key is an opaque token (a UUID, say), never text to show. */
const KEY = /^[\x21-\x7e]+$/;

/** The `Idempotency-Key` header of a payment: required, one value of 1 to 255 visible ASCII characters. */
export function readIdempotencyKey(header: string | string[] | undefined): { key: string } | { error: ErrorBody } {
  if (header === undefined || header === '') {
    return { error: errorBody(400, 'The Idempotency-Key header is required: a payment is recorded once per key.', 'IDEMPOTENCY_KEY_REQUIRED') };
  }
  if (Array.isArray(header) || header.length > IDEMPOTENCY_KEY_MAX || !KEY.test(header)) {
    return { error: errorBody(400, `The Idempotency-Key header must be one value of 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters.`, 'IDEMPOTENCY_KEY_INVALID') };
  }
  return { key: header };
}
