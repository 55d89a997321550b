import { EventTypes } from '@app/contracts';
import { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { endOpenSessions } from '../auth/end-sessions';

/**
 * Disables those of `userIds` still enabled (never deletes), ends their sessions and reports each
 * (identity.user.disabled): what an import does to users whose entry is gone, and a removed
 * directory to all of its users.
 */
export async function disableDirectoryUsers(manager: EntityManager, publish: PublishInTransaction, userIds: string[]): Promise<void> {
  if (!userIds.length) return;
  const [disabled]: [{ id: string }[], number] = await manager.query(
    'UPDATE users SET enabled = false, updated_at = now() WHERE id = ANY($1::uuid[]) AND enabled RETURNING id',
    [userIds],
  );
  const ids = disabled.map((row) => row.id);
  if (!ids.length) return;
  await endOpenSessions(manager, ids, 'DISABLED');
  for (const id of ids) await publish(EventTypes.UserDisabled, { id });
}
