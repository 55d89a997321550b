import { ErrorBody, errorBody, IDEMPOTENCY_KEY_MAX, IdempotencyCodes } from '@app/contracts';

/** Visible ASCII only: a key is an opaque token (a UUID, say), never text to show. */
const KEY = /^[\x21-\x7e]+$/;

/**
 * The `Idempotency-Key` header: one value of 1 to 255 visible ASCII characters. Optional on the
 * creating routes (`required` false: no header is `{ key: undefined }`), required on payments.
 */
export function readIdempotencyKey(header: string | string[] | undefined, required = true): { key: string | undefined } | { error: ErrorBody } {
  if (header === undefined && !required) return { key: undefined };
  if (header === undefined || (header === '' && required)) {
    return { error: errorBody(400, 'The Idempotency-Key header is required: a payment is recorded once per key.', IdempotencyCodes.required) };
  }
  if (Array.isArray(header) || header.length > IDEMPOTENCY_KEY_MAX || !KEY.test(header)) {
    return { error: errorBody(400, `The Idempotency-Key header must be one value of 1 to ${IDEMPOTENCY_KEY_MAX} visible ASCII characters.`, IdempotencyCodes.invalid) };
  }
  return { key: header };
}
