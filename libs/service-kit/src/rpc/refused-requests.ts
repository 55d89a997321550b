import { Context, context, createContextKey } from '@opentelemetry/api';
import type { BeforeQueryEvent, EntitySubscriberInterface } from 'typeorm';
import { ServiceError } from '../errors/service-error';

const REFUSAL = createContextKey('crm-suite.rpc-refusal');

/**
 * Whether an RPC request may still start and commit. Not once the drain has answered it with a 503,
 * nor past its `commitBy` (RpcRequest: a little before the gateway gives up and answers 503). A 503
 * tells the caller to try again, so the work behind it must not land later: a handler blocked on a
 * row lock would otherwise commit once the lock is released, and the retry would apply it twice.
 * Once a commit has begun, the request can no longer be refused: it finishes and replies.
 */
export class Refusal {
  private refused = false;
  private committing = false;

  constructor(private readonly commitBy: number | null) {}

  /** Refuses the request unless it has begun to commit; true when it is refused. */
  refuse(): boolean {
    if (!this.committing) this.refused = true;
    return this.refused;
  }

  /** The caller no longer waits for it (past `commitBy`): it must not start. */
  get expired(): boolean {
    return this.commitBy !== null && Date.now() >= this.commitBy;
  }

  /** The commit gate's check: throws a 503 for a refused or expired request, else records that its commit began. */
  admitCommit(): void {
    if (this.refused) throw new ServiceError(503, 'The service refused the request while shutting down; nothing of it was applied.', 'SERVICE_UNAVAILABLE');
    if (this.expired) throw new ServiceError(503, "The request ran past its caller's deadline; nothing of it was applied.", 'SERVICE_UNAVAILABLE');
    this.committing = true;
  }
}

/** The refusal of each request being handled, by the RmqContext Nest hands its handler and interceptors. */
const refusals = new WeakMap<object, Refusal>();

/** A new refusal for the request whose RmqContext this is, with its `commitBy` if it has one. */
export function refusalFor(request: object, commitBy: unknown): Refusal {
  const refusal = new Refusal(typeof commitBy === 'number' && Number.isFinite(commitBy) ? commitBy : null);
  refusals.set(request, refusal);
  return refusal;
}

/** `target` carrying the refusal of the request (its RmqContext), for the commit gate to find in the handler's context. */
export function withRefusalOf(request: unknown, target: Context): Context {
  const refusal = typeof request === 'object' && request !== null ? refusals.get(request) : undefined;
  return refusal ? target.setValue(REFUSAL, refusal) : target;
}

/** The refusal of the request whose handler runs in the active context, if any. */
const activeRefusal = (): Refusal | undefined => context.active().getValue(REFUSAL) as Refusal | undefined;

/** A statement that changes data; outside a transaction it commits as it runs. */
const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b)/i;

/**
 * The commit gate for a statement sent outside a transaction: a write is admitted before it starts,
 * as a transaction is before it commits (a refusal would come too late once it runs). Reads go on.
 */
export function admitStatementOutsideTransaction(statement: string): void {
  // The pattern first: every read of a request passes here, and fails it at its first word.
  if (WRITE.test(statement)) activeRefusal()?.admitCommit();
}

/**
 * A TypeORM subscriber that rolls back the transactions of refused or expired requests (see
 * Refusal), and stops their writes outside a transaction before they start: it finds the refusal in
 * the context the statement runs in (RpcObservationInterceptor puts it there).
 */
export class RefusedCommitGate implements EntitySubscriberInterface {
  beforeTransactionCommit(): void {
    activeRefusal()?.admitCommit();
  }

  beforeQuery(event: BeforeQueryEvent): void {
    if (!event.queryRunner?.isTransactionActive) admitStatementOutsideTransaction(event.query);
  }
}
