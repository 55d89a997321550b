import { IDEMPOTENCY_KEY_TTL_HOURS } from '@app/contracts';

/** Anything that runs a query the way TypeORM's DataSource does (DELETE answers [rows, count]). */
export interface DeleteQueryRunner {
  query(sql: string, parameters: unknown[]): Promise<[unknown[], number]>;
}

/** Deletes the keys past their 24 h (they are already taken as new) and answers how many. */
export async function deleteExpiredKeys(database: DeleteQueryRunner): Promise<number> {
  const [, count] = await database.query('DELETE FROM idempotency_keys WHERE created_at < now() - make_interval(hours => $1)', [IDEMPOTENCY_KEY_TTL_HOURS]);
  return count;
}
