import { createHash } from 'node:crypto';
import { RpcIdempotency } from '@app/contracts';
import { stringify } from 'safe-stable-stringify';

/**
 * The key and a hash of the route and the canonical body (keys sorted), so the same body sent again
 * in another key order is the same request, and the same key on another route is another request.
 */
export function idempotencyOf(pattern: string, payload: unknown, key: string | undefined): RpcIdempotency | undefined {
  if (key === undefined) return undefined;
  const requestHash = createHash('sha256').update(`${pattern}\n${stringify(payload) ?? ''}`).digest('hex');
  return { key, requestHash };
}
