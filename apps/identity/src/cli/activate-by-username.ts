import { EventEnvelope, EventType } from '@app/contracts';
import { insertOutboxRow, newEnvelope } from '@app/bus/outbox/outbox-row';
import { DataSource, EntityManager } from 'typeorm';
import { activateUser } from '../users/user-activation';
import { AuthStatus, User } from '../users/user.entity';

export interface OperatorActivation {
  id: string;
  username: string;
  /** The authentication status before; only LOCKED changes (to ACTIVE). */
  before: AuthStatus;
  after: AuthStatus;
  enabled: boolean;
}

/**
 * Activates the user called `username` (whatever its case) as an administrator's Activate does, in
 * one transaction with the `identity.user.unlocked` event (reason OPERATOR) in identity's outbox:
 * identity's relay publishes it when it runs, now or later. Null when there is no such user.
 */
export async function activateByUsername(dataSource: DataSource, username: string): Promise<OperatorActivation | null> {
  return dataSource.transaction(async (manager) => {
    const user = await manager
      .createQueryBuilder(User, 'u')
      .setLock('pessimistic_write')
      .where('lower(u.username) = lower(:username)', { username })
      .getOne();
    if (!user) return null;
    const before = user.authStatus;
    await activateUser(manager, user, 'OPERATOR', outboxOf(manager));
    return { id: user.id, username: user.username, before, after: user.authStatus, enabled: user.enabled };
  });
}

/** Publishing as identity's Outbox does, without Nest or a broker: the row alone, in this transaction. */
const outboxOf =
  (manager: EntityManager) =>
  async <T>(type: EventType, data: T): Promise<EventEnvelope<T>> => {
    const envelope = newEnvelope('identity', type, data, null);
    await insertOutboxRow((sql, params) => manager.query(sql, params), envelope);
    return envelope;
  };
