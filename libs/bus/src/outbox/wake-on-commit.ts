import type { EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

/**
 * Calls `wake` once a transaction that wrote outbox rows has committed, whoever opened it: the
 * outbox's own `transaction`, an event consumer's inbox transaction, a plain `dataSource.transaction`.
 * A TypeORM subscriber on the data source sees every commit; `wrote` marks the ones to wake for. A
 * savepoint release (a nested transaction) is not the commit, so it waits for the outermost one.
 */
export class WakeOnCommit implements EntitySubscriberInterface {
  private readonly pending = new WeakSet<QueryRunner>();

  constructor(private readonly wake: () => void) {}

  /** Notes that `manager`'s transaction wrote to the outbox; outside a transaction the row is already committed. */
  wrote(manager: EntityManager): void {
    const runner = manager.queryRunner;
    if (runner?.isTransactionActive) this.pending.add(runner);
    else this.wake();
  }

  afterTransactionCommit({ queryRunner }: TransactionCommitEvent): void {
    if (queryRunner.isTransactionActive || !this.pending.has(queryRunner)) return;
    this.pending.delete(queryRunner);
    this.wake();
  }

  afterTransactionRollback({ queryRunner }: TransactionRollbackEvent): void {
    if (!queryRunner.isTransactionActive) this.pending.delete(queryRunner);
  }
}
