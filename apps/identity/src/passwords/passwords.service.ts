import { Inject, Injectable } from '@nestjs/common';
import type { Subject } from '@app/acl';
import { EventTypes, PasswordChanged, PasswordSuggestion, UserPasswordChangeDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { PasswordHasher } from '../passwords/password-hasher';
import { endOpenSessions } from '../auth/end-sessions';
import { lockTargetUsers } from '../users/target-users';
import { Mailer } from '../mail/mailer';
import { passwordChangedMail } from '../mail/messages';
import { checkPassword } from '../passwords/password-policy';
import { passwordManagedByDirectory, passwordManagedByDirectoryError } from './directory-managed-password';
import { suggestPassword } from './password-suggestion';

/** An administrator sets a user's password (OroCRM "Change Password", with "Suggest Password"). */
@Injectable()
export class PasswordsService {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
  ) {}

  suggest(): PasswordSuggestion {
    return { password: suggestPassword(this.settings.passwordPolicy) };
  }

  /** A suggestion for a user the actor could set a password for; none for a directory user (409). */
  async suggestFor(userId: string, actor: Subject): Promise<PasswordSuggestion> {
    await this.outbox.transaction(null, async (manager) => {
      const user = (await lockTargetUsers(manager, [userId], actor)).get(userId);
      if (!user) throw ServiceError.notFound(`user ${userId}`);
      if (passwordManagedByDirectory(user)) throw passwordManagedByDirectoryError(user.id);
    });
    return this.suggest();
  }

  /**
   * Sets the password, clears the failure count, ends a pending reset (its links stop working) and
   * the user's open sessions, then tells the user by mail. A LOCKED user stays locked: unlocking is
   * "Activate", a separate decision. A user of an LDAP directory is a 409: its password is the directory's.
   */
  async change(dto: UserPasswordChangeDto, actor: Subject, correlationId: string | null): Promise<PasswordChanged> {
    const problems = checkPassword(this.settings.passwordPolicy, dto.password, dto.passwordConfirm);
    if (problems.length) throw ServiceError.badInput(problems);
    const passwordHash = await this.hasher.hash(dto.password);
    const { user, authStatus } = await this.outbox.transaction(correlationId, async (manager, publish) => {
      const user = (await lockTargetUsers(manager, [dto.userId], actor)).get(dto.userId);
      if (!user) throw ServiceError.notFound(`user ${dto.userId}`);
      if (passwordManagedByDirectory(user)) throw passwordManagedByDirectoryError(user.id);
      const [[row]] = await manager.query(
        `UPDATE users SET password_hash = $2, failed_logins = 0, updated_at = now(),
                auth_status = CASE WHEN auth_status = 'PASSWORD_RESET' THEN 'ACTIVE' ELSE auth_status END
          WHERE id = $1 RETURNING auth_status`,
        [user.id, passwordHash],
      );
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [user.id]);
      await endOpenSessions(manager, [user.id], 'PASSWORD_CHANGED');
      // Gateways cache sessions briefly: tell them, so the old sessions stop at once.
      await publish(EventTypes.UserPasswordChanged, { id: user.id });
      return { user, authStatus: row.auth_status as string };
    });
    void this.mailer.send(passwordChangedMail(user, this.mailer.link('/api/auth/login')));
    return { id: user.id, authStatus };
  }
}
