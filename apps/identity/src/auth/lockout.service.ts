import { Inject, Injectable, Logger } from '@nestjs/common';
import { EventTypes, UserRefData, UserUnlockedData } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { IsNull } from 'typeorm';
import { Mailer } from '../mail/mailer';
import { accountLockedMail } from '../mail/messages';
import { User } from '../users/user.entity';
import { lockEnd, lockHasEnded, secondsUntil } from './lockout-policy';
import { Session } from './session.entity';

// A failure counted, unless a parallel attempt locked first (then no row).
const COUNT_FAILURE = `UPDATE users SET failed_logins = failed_logins + 1 WHERE id = $1 AND auth_status <> 'LOCKED' RETURNING failed_logins, lock_count`;
const NO_USER = '00000000-0000-0000-0000-000000000000';

/**
 * Lockout of DESIGN.md section 5: LOGIN_MAX_FAILURES wrong passwords in a row lock the user, for
 * good (OroCRM, the default) or for a wait that doubles with each lock in a row (Keycloak,
 * LOCKOUT_MODE=temporary). Only called for users that exist, so it never tells users apart; an
 * unknown user's login pays the same cost (countUnknown).
 */
@Injectable()
export class LockoutService {
  private readonly logger = new Logger('Lockout');

  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly outbox: Outbox,
    private readonly mailer: Mailer,
  ) {}

  /**
   * The user whose login may go on: 423 while a lock lasts. Once a temporary lock has run out the
   * user is ACTIVE again with no failures counted (identity.user.unlocked, EXPIRED), and the attempt
   * is judged as usual.
   */
  async admit(user: User, correlationId: string | null): Promise<User> {
    const now = new Date();
    if (user.authStatus !== 'LOCKED') return user;
    if (!lockHasEnded(user.lockedUntil, now)) throw lockedError(user.lockedUntil, now);
    return this.outbox.transaction(correlationId, async (manager, publish) => {
      // Conditional, so of two logins at the same moment only one reports the end of the lock.
      const [ended] = await manager.query(
        `UPDATE users SET auth_status = 'ACTIVE', failed_logins = 0, locked_until = NULL
          WHERE id = $1 AND auth_status = 'LOCKED' AND locked_until <= $2 RETURNING id`,
        [user.id, now],
      );
      if (ended.length) {
        await publish(EventTypes.UserUnlocked, { id: user.id, reason: 'EXPIRED' });
        this.logger.log(`user ${user.id}: lock ended at ${user.lockedUntil!.toISOString()}`);
      }
      const current = await manager.findOneByOrFail(User, { id: user.id });
      if (current.authStatus === 'LOCKED') throw lockedError(current.lockedUntil, new Date());
      return current;
    });
  }

  /**
   * Counts a wrong password; the Nth in a row locks the user, ends their sessions and, once that has
   * committed, mails them.
   */
  async countFailure(user: User, correlationId: string | null): Promise<void> {
    const now = new Date();
    const locked = await this.outbox.transaction(correlationId, async (manager, publish) => {
      // TypeORM answers an UPDATE with [rows, affected count].
      const [[row]] = await manager.query(COUNT_FAILURE, [user.id]);
      if (!row || row.failed_logins < this.settings.loginMaxFailures) return null;
      const lockCount = row.lock_count + 1;
      const lockedUntil = lockEnd(this.settings.lockout, lockCount, now);
      await manager.update(User, { id: user.id }, { authStatus: 'LOCKED', lockCount, lockedUntil });
      await manager.update(Session, { userId: user.id, endedAt: IsNull() }, { endedAt: new Date(), endReason: 'LOCKED' });
      await publish(EventTypes.UserLocked, { id: user.id });
      this.logger.warn(`user ${user.id} locked after ${row.failed_logins} failed logins ${lockedUntil ? `until ${lockedUntil.toISOString()}` : 'until activated'}`);
      return { lockedUntil };
    });
    if (locked) void this.mailer.send(accountLockedMail(user, locked.lockedUntil, this.mailer.link('/api/auth/login')));
  }

  /**
   * What countFailure costs, for a login whose username names no user: the same transaction, the same
   * UPDATE (finding no row), and a transaction id, so that its commit is flushed to the WAL as a
   * counted failure's is. Without it an unknown user was answered about 2.5 ms sooner than a wrong
   * password (medians 26.1 and 28.8 ms, test/security/login-enumeration.e2e-spec.ts): enough, over
   * enough tries, to tell which usernames exist.
   */
  async countUnknown(correlationId: string | null): Promise<void> {
    await this.outbox.transaction(correlationId, async (manager) => {
      await manager.query('SELECT pg_current_xact_id()');
      await manager.query(COUNT_FAILURE, [NO_USER]);
    });
  }
}

/** 423 LOCKED; a temporary lock says when it ends, and the gateway turns the seconds into Retry-After. */
function lockedError(lockedUntil: Date | null, now: Date): ServiceError {
  if (!lockedUntil) return new ServiceError(423, 'The account is locked; an administrator must activate it.', 'LOCKED');
  const retryAfterSeconds = secondsUntil(lockedUntil, now);
  return new ServiceError(423, `The account is locked until ${lockedUntil.toISOString()}; try again in ${retryAfterSeconds} s.`, 'LOCKED', {
    lockedUntil: lockedUntil.toISOString(),
    retryAfterSeconds,
  });
}
