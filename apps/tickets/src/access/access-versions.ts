import { EventTypes, TicketsAclChangedData } from '@app/contracts';
import type { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';

/**
 * Every compiled subject depends on role definitions and the unit tree: one counter for both, bumped
 * in the transaction of the change, and announced so that every gateway drops its tickets subjects.
 */
export async function aclChanged(manager: EntityManager, publish: PublishInTransaction, change: TicketsAclChangedData): Promise<void> {
  await manager.query('UPDATE ticket_acl_state SET version = version + 1 WHERE id = 1');
  await publish(EventTypes.TicketsAclChanged, change);
}

/** One user's subject depends on the roles it holds, its units and whether it is enabled. */
export async function userAccessChanged(manager: EntityManager, publish: PublishInTransaction, userIds: string[]): Promise<void> {
  await manager.query('UPDATE ticket_users SET access_version = access_version + 1 WHERE id = ANY($1::uuid[])', [userIds]);
  for (const userId of userIds) await publish(EventTypes.TicketsUserAccessChanged, { userId });
}
