import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Subject } from '@app/acl';
import { ConfirmPasswordResetDto, EventTypes, PasswordChanged, PasswordResetsDone, UserRefData } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { PasswordHasher } from '../passwords/password-hasher';
import { endOpenSessions } from '../auth/end-sessions';
import { lockTargetUsers, TargetUser } from '../users/target-users';
import { Mailer } from '../mail/mailer';
import { passwordResetMail } from '../mail/messages';
import { checkPassword } from '../passwords/password-policy';
import { passwordManagedByDirectory, passwordManagedByDirectoryError, PASSWORD_MANAGED_BY_DIRECTORY, PASSWORD_MANAGED_BY_DIRECTORY_MESSAGE } from '../passwords/directory-managed-password';
import { hashToken, newResetToken } from './reset-token';

/** What to answer when a requested user is unknown or out of reach: a 404 for a path id, a 400 for a list. */
export type MissingUsers = (ids: string[]) => ServiceError;

const badToken = (why: string) => ServiceError.badInput([{ field: 'token', messages: [why] }]);

/**
 * OroCRM's "Reset Password": the user goes to PASSWORD_RESET, loses their sessions and gets a mail
 * with a one-time link; login is refused until they set a new password through it.
 */
@Injectable()
export class PasswordResetService {
  constructor(
    @Inject(SETTINGS) private readonly settings: Settings,
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly hasher: PasswordHasher,
    private readonly mailer: Mailer,
  ) {}

  /**
   * Resets all of them or none: one unknown id refuses the whole request. Users of an LDAP directory
   * have no password here to reset: `directoryUsers` 'refuse' answers 409 (one user named in the
   * path), 'skip' resets the others and lists them under `skipped` (the list's mass action).
   */
  async reset(userIds: string[], actor: Subject, missing: MissingUsers, correlationId: string | null, directoryUsers: 'refuse' | 'skip'): Promise<PasswordResetsDone> {
    const tokens = new Map(userIds.map((id) => [id, newResetToken()]));
    const expiresAt = new Date(Date.now() + this.settings.passwordResetTtlMs);
    const { users, skipped } = await this.outbox.transaction(correlationId, async (manager, publish) => {
      const found = await lockTargetUsers(manager, userIds, actor);
      const unknown = userIds.filter((id) => !found.has(id));
      if (unknown.length) throw missing(unknown);
      const skipped = userIds.filter((id) => passwordManagedByDirectory(found.get(id)!));
      if (skipped.length && directoryUsers === 'refuse') throw passwordManagedByDirectoryError(skipped[0]);
      const resetIds = userIds.filter((id) => !skipped.includes(id));
      if (resetIds.length) {
        await manager.query(`UPDATE users SET auth_status = 'PASSWORD_RESET', updated_at = now() WHERE id = ANY($1::uuid[])`, [resetIds]);
        await endOpenSessions(manager, resetIds, 'PASSWORD_RESET');
        // A new link replaces any earlier one that was not used.
        await manager.query('DELETE FROM password_reset_tokens WHERE user_id = ANY($1::uuid[]) AND used_at IS NULL', [resetIds]);
        await manager.query(
          'INSERT INTO password_reset_tokens (user_id, token_hash, expires_at) SELECT id, hash, $3 FROM unnest($1::uuid[], $2::text[]) AS t (id, hash)',
          [resetIds, resetIds.map((id) => hashToken(tokens.get(id)!)), expiresAt],
        );
        for (const id of resetIds) await publish(EventTypes.UserPasswordReset, { id });
      }
      return { users: resetIds.map((id) => found.get(id)!), skipped };
    });
    // After the commit and without holding up the reply: a slow mail server must not turn a done reset into a 503.
    void this.mailAll(users, tokens, expiresAt);
    return {
      items: users.map((u) => ({ id: u.id, authStatus: 'PASSWORD_RESET', resetLinkExpiresAt: expiresAt.toISOString() })),
      skipped: skipped.map((id) => ({ id, code: PASSWORD_MANAGED_BY_DIRECTORY, message: PASSWORD_MANAGED_BY_DIRECTORY_MESSAGE })),
    };
  }

  /**
   * Spends the token and sets the password; the user is ACTIVE again with no failures counted. A user
   * of an LDAP directory is a 409 and nothing changes.
   */
  async confirm(dto: ConfirmPasswordResetDto): Promise<PasswordChanged> {
    const problems = checkPassword(this.settings.passwordPolicy, dto.password, dto.passwordConfirm);
    if (problems.length) throw ServiceError.badInput(problems);
    const passwordHash = await this.hasher.hash(dto.password);
    const userId = await this.dataSource.transaction(async (manager) => {
      const [token]: { user_id: string; used: boolean; expired: boolean }[] = await manager.query(
        `SELECT user_id, used_at IS NOT NULL AS used, expires_at <= now() AS expired
           FROM password_reset_tokens WHERE token_hash = $1 FOR UPDATE`,
        [hashToken(dto.token)],
      );
      if (!token) throw badToken('token is unknown; ask an administrator for a new reset link');
      if (token.used) throw badToken('token has already been used');
      if (token.expired) throw badToken('token has expired; ask an administrator for a new reset link');
      // A link made before the user came under a directory: the token stays unspent, the password the directory's.
      const [owner]: { ldapDirectoryId: string | null }[] = await manager.query('SELECT ldap_directory_id AS "ldapDirectoryId" FROM users WHERE id = $1 FOR UPDATE', [token.user_id]);
      if (owner && passwordManagedByDirectory(owner)) throw passwordManagedByDirectoryError(token.user_id);
      await manager.query(
        `UPDATE users SET password_hash = $2, auth_status = 'ACTIVE', failed_logins = 0, updated_at = now() WHERE id = $1`,
        [token.user_id, passwordHash],
      );
      await manager.query('UPDATE password_reset_tokens SET used_at = now() WHERE user_id = $1 AND used_at IS NULL', [token.user_id]);
      return token.user_id;
    });
    return { id: userId, authStatus: 'ACTIVE' };
  }

  private async mailAll(users: TargetUser[], tokens: Map<string, string>, expiresAt: Date): Promise<void> {
    for (const user of users) {
      const link = this.mailer.link('/api/auth/password-reset/confirm', { token: tokens.get(user.id)! });
      await this.mailer.send(passwordResetMail(user, link, expiresAt));
    }
  }
}
