import { EntityManager } from 'typeorm';

/** Ends every open session of the users, saying why (a password change, a reset). */
export async function endOpenSessions(manager: EntityManager, userIds: string[], reason: string): Promise<void> {
  await manager.query('UPDATE sessions SET ended_at = now(), end_reason = $2 WHERE user_id = ANY($1::uuid[]) AND ended_at IS NULL', [userIds, reason]);
}
