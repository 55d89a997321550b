import type { Pool, PoolClient } from 'pg';
import type { AfterQueryEvent, BeforeQueryEvent, DataSource, EntitySubscriberInterface, QueryRunner } from 'typeorm';
import { activeRefusal, admitStatementOutsideTransaction } from '../rpc/refused-requests';
import { cancelBackend } from './cancel-backend';

/**
 * Admits a write that runs outside a transaction (refused-requests.ts) and, when it belongs to a
 * request with a `commitBy`, cancels it should it still run then; returns what to call once it returned.
 */
export function admitAndWatch(statement: string, pool: Pool, client: PoolClient): (() => Promise<void>) | undefined {
  const refusal = admitStatementOutsideTransaction(statement);
  return refusal?.watch(() => cancelBackend(pool, (client as PoolClient & { processID: number }).processID));
}

/** The pg pool under a TypeORM data source (PostgresDriver's `master`). */
export const poolOf = (dataSource: DataSource): Pool => (dataSource.driver as unknown as { master: Pool }).master;

/**
 * A TypeORM subscriber that rolls back the transactions of refused or expired requests (see
 * Refusal), stops their writes outside a transaction before they start, and cancels such a write
 * admitted in time that still runs at `commitBy`: it finds the refusal in the context the statement
 * runs in (RpcObservationInterceptor puts it there).
 */
export class RefusedCommitGate implements EntitySubscriberInterface {
  /** The watches of the statements each runner has under way, in the order its connection runs them. */
  private readonly watches = new WeakMap<QueryRunner, ((() => Promise<void>) | undefined)[]>();

  beforeTransactionCommit(): void {
    activeRefusal()?.admitCommit();
  }

  beforeQuery(event: BeforeQueryEvent): void {
    const runner = event.queryRunner;
    if (!runner || runner.isTransactionActive) return;
    // TypeORM has connected the runner before it broadcasts the statement.
    const finished = admitAndWatch(event.query, poolOf(runner.connection), (runner as unknown as { databaseConnection: PoolClient }).databaseConnection);
    // Every statement takes its place, watched or not, so each one's end finds its own watch.
    const watches = this.watches.get(runner);
    if (watches) watches.push(finished);
    else this.watches.set(runner, [finished]);
  }

  /** TypeORM waits for what this returns before it hands the connection back to the pool. */
  afterQuery(event: AfterQueryEvent): Promise<void> | void {
    const watches = this.watches.get(event.queryRunner);
    if (!watches) return;
    const finished = watches.shift();
    if (watches.length === 0) this.watches.delete(event.queryRunner);
    return finished?.();
  }
}
