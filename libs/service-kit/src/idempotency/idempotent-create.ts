import { IDEMPOTENCY_KEY_TTL_HOURS, IdempotencyCodes, RpcRequest } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { ServiceError } from '../errors/service-error';

export interface IdempotentResult<T> {
  value: T;
  /** True when the answer is the stored first one: the caller must not repeat side effects. */
  replayed: boolean;
}

/**
 * Runs a create once per caller and `Idempotency-Key`, inside the create's transaction `manager`.
 * The key row is inserted first: a concurrent request with the same key waits on the primary key
 * until the first commits (then reads its answer) or rolls back (then runs itself). The answer is
 * stored in the same transaction, so a reply lost after the commit is answered on retry; a failed
 * create rolls the key back with it, and the retry runs again. A key older than 24 h is taken as new.
 * Without a key (or an actor) the create just runs.
 */
export async function idempotentCreate<T>(manager: EntityManager, request: Pick<RpcRequest, 'actor' | 'idempotency'>, create: () => Promise<T>): Promise<IdempotentResult<T>> {
  const { idempotency, actor } = request;
  if (!idempotency || !actor) return { value: await create(), replayed: false };
  const ids = [actor.userId, idempotency.key];
  const claimed = await manager.query(
    `INSERT INTO idempotency_keys (caller_id, key, request_hash) VALUES ($1, $2, $3)
     ON CONFLICT (caller_id, key) DO UPDATE SET request_hash = EXCLUDED.request_hash, response = NULL, created_at = now()
       WHERE idempotency_keys.created_at < now() - make_interval(hours => $4)
     RETURNING 1`,
    [...ids, idempotency.requestHash, IDEMPOTENCY_KEY_TTL_HOURS],
  );
  if (claimed.length) {
    const value = await create();
    await manager.query('UPDATE idempotency_keys SET response = $3 WHERE caller_id = $1 AND key = $2', [...ids, JSON.stringify(value ?? null)]);
    return { value, replayed: false };
  }
  const [first] = await manager.query('SELECT request_hash AS "requestHash", response FROM idempotency_keys WHERE caller_id = $1 AND key = $2', ids);
  if (first.requestHash !== idempotency.requestHash) {
    throw new ServiceError(409, 'This Idempotency-Key was used for another request; use a new key for a new request.', IdempotencyCodes.reused);
  }
  return { value: first.response as T, replayed: true };
}

/** What a keyed create needs of its RPC request. */
export type KeyedRequest = Pick<RpcRequest, 'requestId' | 'actor' | 'idempotency'>;

/** `idempotentCreate` for a create with no side effect after its commit: just the answer. */
export async function idempotentValue<T>(manager: EntityManager, request: KeyedRequest, create: () => Promise<T>): Promise<T> {
  return (await idempotentCreate(manager, request, create)).value;
}
