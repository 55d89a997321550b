import { Context, context, createContextKey } from '@opentelemetry/api';
import type { EntitySubscriberInterface } from 'typeorm';

const REFUSAL = createContextKey('crm-suite.rpc-refusal');

/**
 * Whether an RPC request that the drain answered with a 503 may still commit: it may not. A 503 tells
 * the caller to try again, so the work behind it must not land later (a handler blocked on a row lock
 * past the drain's bound would otherwise commit once the lock is released, and the retry would apply
 * it twice). Once a commit has begun, the request can no longer be refused: it finishes and replies.
 */
export class Refusal {
  private refused = false;
  private committing = false;

  /** Refuses the request unless it has begun to commit; true when it is refused. */
  refuse(): boolean {
    if (!this.committing) this.refused = true;
    return this.refused;
  }

  /** The commit gate's check: throws for a refused request, else records that its commit began. */
  admitCommit(): void {
    if (this.refused) throw new Error('The request was refused with a 503 while the service shut down: its transaction is rolled back.');
    this.committing = true;
  }
}

/** The refusal of each request being handled, by the RmqContext Nest hands its handler and interceptors. */
const refusals = new WeakMap<object, Refusal>();

/** A new refusal for the request whose RmqContext this is. */
export function refusalFor(request: object): Refusal {
  const refusal = new Refusal();
  refusals.set(request, refusal);
  return refusal;
}

/** `target` carrying the refusal of the request (its RmqContext), for the commit gate to find in the handler's context. */
export function withRefusalOf(request: unknown, target: Context): Context {
  const refusal = typeof request === 'object' && request !== null ? refusals.get(request) : undefined;
  return refusal ? target.setValue(REFUSAL, refusal) : target;
}

/**
 * A TypeORM subscriber that rolls back the transactions of refused requests (see Refusal): it finds
 * the refusal in the context the commit runs in (RpcObservationInterceptor puts it there). A write
 * outside a transaction is a single statement that commits at once; a refusal comes too late for it.
 */
export class RefusedCommitGate implements EntitySubscriberInterface {
  beforeTransactionCommit(): void {
    (context.active().getValue(REFUSAL) as Refusal | undefined)?.admitCommit();
  }
}
