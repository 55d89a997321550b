import type { Pool, PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { admitStatementOutsideTransaction } from '../rpc/refused-requests';

/** A statement with a name, unique in the service: PostgreSQL parses and plans it once per connection. */
export interface PreparedStatement {
  name: string;
  text: string;
}

/**
 * Runs a named (prepared) statement on the manager's connection: inside its transaction when it has
 * one, otherwise on the pool. For the statements every request runs: TypeORM's `query` sends each
 * one unnamed, so PostgreSQL parses and plans it again every time (about 40% of a primary-key read's
 * server CPU, measured in docs/BENCHMARKS.md). Errors are pg's own, as under TypeORM's wrapper.
 */
export async function preparedQuery<TRow>(manager: EntityManager, statement: PreparedStatement, values: unknown[]): Promise<TRow[]> {
  const runner = manager.queryRunner;
  // Past TypeORM's subscribers: a write outside a transaction asks the commit gate here (RefusedCommitGate).
  if (!runner?.isTransactionActive) admitStatementOutsideTransaction(statement.text);
  if (runner) {
    const client = (await runner.connect()) as PoolClient;
    return (await client.query({ ...statement, values })).rows as TRow[];
  }
  const pool = (manager.connection.driver as unknown as { master: Pool }).master;
  return (await pool.query({ ...statement, values })).rows as TRow[];
}
