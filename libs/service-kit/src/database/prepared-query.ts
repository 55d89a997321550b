import type { PoolClient } from 'pg';
import type { EntityManager } from 'typeorm';
import { writesData } from '../rpc/refused-requests';
import { admitAndWatch, poolOf } from './refused-commit-gate';

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
  const query = { ...statement, values };
  if (runner?.isTransactionActive) return (await ((await runner.connect()) as PoolClient).query(query)).rows as TRow[];
  const pool = poolOf(manager.connection);
  if (!runner && !writesData(statement.text)) return (await pool.query(query)).rows as TRow[];
  // A write past TypeORM's subscribers: the commit gate is asked here (RefusedCommitGate), on the connection it may have to cancel.
  const client = runner ? ((await runner.connect()) as PoolClient) : await pool.connect();
  // Admitted once it holds a connection, so a wait for one cannot carry a write past its commitBy.
  let finished: (() => Promise<void>) | undefined;
  try {
    finished = admitAndWatch(statement.text, pool, client);
  } catch (refused) {
    if (!runner) client.release();
    throw refused;
  }
  try {
    const rows = (await client.query(query)).rows as TRow[];
    await finished?.();
    if (!runner) client.release();
    return rows;
  } catch (error) {
    await finished?.();
    // As pool.query does: a connection that met an error is not reused.
    if (!runner) client.release(error as Error);
    throw error;
  }
}
