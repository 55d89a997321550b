import { EventTypes, UnlockReason, UserUnlockedData } from '@app/contracts';
import type { PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { User } from './user.entity';

/**
 * OroCRM's Activate, for an administrator and for the operator's `npm run user:activate` alike, in
 * the caller's transaction: a LOCKED user becomes ACTIVE, failures and locks in a row start again,
 * and identity.user.unlocked reports the end of the lock. PASSWORD_RESET stays: only the one-time
 * link ends it (DESIGN.md section 5). Says whether a lock ended.
 */
export async function activateUser(
  manager: EntityManager,
  user: User,
  reason: Exclude<UnlockReason, 'EXPIRED'>,
  publish: PublishInTransaction,
): Promise<boolean> {
  const wasLocked = user.authStatus === 'LOCKED';
  if (wasLocked) user.authStatus = 'ACTIVE';
  Object.assign(user, { failedLogins: 0, lockCount: 0, lockedUntil: null });
  await manager.update(User, { id: user.id }, { authStatus: user.authStatus, failedLogins: 0, lockCount: 0, lockedUntil: null });
  if (wasLocked) await publish(EventTypes.UserUnlocked, { id: user.id, reason });
  return wasLocked;
}
