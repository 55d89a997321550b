import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { bindAsUser, bindTimeouts } from '../ldap/ldap-bind-login';
import { LdapDirectory } from '../ldap/ldap-directory.entity';
import { LdapSecrets } from '../ldap/ldap-secrets';
import { PasswordHasher } from '../passwords/password-hasher';
import { User } from '../users/user.entity';
import { passwordSource } from './password-source';

/** A directory user whose directory cannot check the password now: 503, and no failure is counted. */
export const directoryUnavailable = (): ServiceError =>
  new ServiceError(503, 'The LDAP directory that checks this account\'s password cannot be reached; try again later or ask an administrator.', 'LDAP_DIRECTORY_UNAVAILABLE');

/**
 * Checks a password where the user's password lives (password-source.ts): a user of an LDAP directory
 * by a bind to that directory as its DN, everyone else against the stored argon2id hash. A user
 * imported from a directory that was removed since has nothing to check against: that is the
 * directory missing, not a wrong password.
 */
@Injectable()
export class DirectoryCredentials {
  private readonly logger = new Logger('LdapLogin');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly hasher: PasswordHasher,
    private readonly secrets: LdapSecrets,
  ) {}

  /** True when the password is the user's; false for a wrong one; throws 503 when it cannot be told. */
  async passwordMatches(user: User, password: string): Promise<boolean> {
    const source = passwordSource(user);
    if (source === 'LOCAL') return this.hasher.verify(user.passwordHash, password);
    if (source === 'DIRECTORY_GONE') throw directoryUnavailable();
    // Every use of a directory needs LDAP_SECRET_KEY (503 LDAP_SECRET_KEY_MISSING), a login too.
    this.secrets.box();
    const directory = await this.dataSource.getRepository(LdapDirectory).findOneBy({ id: user.ldapDirectoryId! });
    if (!directory || user.ldapDn === null) throw directoryUnavailable();
    const verdict = await bindAsUser(directory.url, user.ldapDn, password, bindTimeouts(this.settings.rpcTimeoutMs));
    if (verdict.kind === 'UNAVAILABLE') {
      this.logger.warn(`user ${user.id}: directory ${directory.id} did not check the password: ${verdict.reason}`);
      throw directoryUnavailable();
    }
    return verdict.kind === 'ACCEPTED';
  }
}
