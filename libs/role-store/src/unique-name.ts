import { EntityManager } from 'typeorm';
import { nameTaken } from './role-rules';

/**
 * Names are unique ignoring case, so that no entry looks like a duplicate of another in a list (each
 * table's unique index catches a concurrent twin). `message` gets the name already stored.
 */
export async function assertNameFree(manager: EntityManager, table: string, name: string, except: string | null, message: (existing: string) => string): Promise<void> {
  const [row]: { name: string }[] = await manager.query(`SELECT name FROM ${table} WHERE lower(name) = lower($1) AND id IS DISTINCT FROM $2 LIMIT 1`, [name, except]);
  if (row) throw nameTaken(message(row.name));
}
