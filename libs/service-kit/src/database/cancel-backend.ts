import { Client, type Pool } from 'pg';

/**
 * Cancels the statement that backend `pid` runs now (`pg_cancel_backend`), over a connection of its
 * own: the pool may be full of statements waiting on the same lock. PostgreSQL ignores a cancel that
 * reaches a backend between statements. A cancel that fails rejects, and fails the statement's caller
 * with it (the statement may then land), rather than pass unseen.
 */
export async function cancelBackend(pool: Pool, pid: number): Promise<void> {
  const client = new Client(pool.options);
  client.on('error', () => undefined);
  try {
    await client.connect();
    await client.query('SELECT pg_cancel_backend($1)', [pid]);
  } finally {
    await client.end().catch(() => undefined);
  }
}
