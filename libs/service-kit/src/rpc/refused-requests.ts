import { Context, context, createContextKey } from '@opentelemetry/api';
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
  private cancelled = false;

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
    if (this.expired) throw pastDeadline();
    this.committing = true;
  }

  /**
   * Watches a write outside a transaction, admitted in time: if it still runs at `commitBy` (waiting
   * on a row lock, say), `cancel` stops it in PostgreSQL, so it cannot land after the caller was told
   * 503. Returns what to call once the statement has returned; it waits for a cancel under way, so that
   * the connection runs nothing else before the cancel has reached it.
   */
  watch(cancel: () => Promise<void>): () => Promise<void> {
    if (this.commitBy === null) return settled;
    let cancelling: Promise<void> | undefined;
    const timer = setTimeout(() => {
      this.cancelled = true;
      cancelling = cancel();
    }, this.commitBy - Date.now());
    return () => {
      clearTimeout(timer);
      return cancelling ?? settled();
    };
  }

  /** Whether a statement of the request was cancelled at its `commitBy` (so the error it met means: not applied). */
  get cancelledLate(): boolean {
    return this.cancelled;
  }
}

const settled = (): Promise<void> => Promise.resolve();

/** What a request past its commitBy gets; its caller gives up with a 503 soon after. */
export const pastDeadline = (): ServiceError => new ServiceError(503, "The request ran past its caller's deadline; nothing of it was applied.", 'SERVICE_UNAVAILABLE');

/** The refusal of each request being handled, by the RmqContext Nest hands its handler and interceptors. */
const refusals = new WeakMap<object, Refusal>();

/** The refusal of the request whose RmqContext this is, if it has one. */
export const refusalOf = (request: unknown): Refusal | undefined => (typeof request === 'object' && request !== null ? refusals.get(request) : undefined);

/** A new refusal for the request whose RmqContext this is, with its `commitBy` if it has one. */
export function refusalFor(request: object, commitBy: unknown): Refusal {
  const refusal = new Refusal(typeof commitBy === 'number' && Number.isFinite(commitBy) ? commitBy : null);
  refusals.set(request, refusal);
  return refusal;
}

/** `target` carrying the refusal of the request (its RmqContext), for the commit gate to find in the handler's context. */
export function withRefusalOf(request: unknown, target: Context): Context {
  const refusal = refusalOf(request);
  return refusal ? target.setValue(REFUSAL, refusal) : target;
}

/** The refusal of the request whose handler runs in the active context, if any. */
export const activeRefusal = (): Refusal | undefined => context.active().getValue(REFUSAL) as Refusal | undefined;

const WRITE = /^\s*(?:INSERT|UPDATE|DELETE|MERGE|TRUNCATE|COPY|WITH\b[\s\S]*\b(?:INSERT|UPDATE|DELETE)\b)/i;

/** Whether a statement changes data; outside a transaction it commits as it runs. */
export const writesData = (statement: string): boolean => WRITE.test(statement);

/**
 * The commit gate for a statement sent outside a transaction: a write is admitted before it starts,
 * as a transaction is before it commits (a refusal would come too late once it runs). Reads go on.
 * Returns the refusal of the request a write belongs to, for the caller to watch (Refusal.watch).
 */
export function admitStatementOutsideTransaction(statement: string): Refusal | undefined {
  // The pattern first: every read of a request passes here, and fails it at its first word.
  if (!writesData(statement)) return undefined;
  const refusal = activeRefusal();
  refusal?.admitCommit();
  return refusal;
}
