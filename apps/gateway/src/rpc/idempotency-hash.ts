import { createHash } from 'node:crypto';
import { RpcIdempotency } from '@app/contracts';
import { stringify } from 'safe-stable-stringify';

/** Body fields that hold secrets: left out of the stored fingerprint, which is a fast hash anyone with the table could test guesses against. */
const SECRET_FIELDS = new Set(['password', 'passwordConfirm']);

/**
 * The key and a hash of the route, the organization of the caller's session and the canonical body
 * (keys sorted), so the same body sent again in another key order is the same request, and the same
 * key on another route, or from a session in another organization, is another request (409): a
 * replay never hands a session the record its caller created in another organization.
 * Passwords do not take part: a retry that differs only in its password counts as the same request.
 */
export function idempotencyOf(pattern: string, payload: unknown, key: string | undefined, organizationId: string | null | undefined): RpcIdempotency | undefined {
  if (key === undefined) return undefined;
  const withoutSecrets = stringify(payload, (field, value) => (SECRET_FIELDS.has(field) ? undefined : value)) ?? '';
  const requestHash = createHash('sha256').update(`${pattern}\n${organizationId ?? ''}\n${withoutSecrets}`).digest('hex');
  return { key, requestHash };
}
