import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventTypes, LoginRequest, RpcActor, SessionAccess, SessionChoicesView, SessionView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { preparedQuery, PreparedStatement } from '@app/service-kit/database';
import { DataSource, In, IsNull } from 'typeorm';
import { assignedRolesIn, loadSessionAccess } from '../access/session-access';
import { Organization } from '../organizations/organization.entity';
import { User } from '../users/user.entity';
import { DirectoryCredentials } from './directory-credentials';
import { LockoutService } from './lockout.service';
import { definitionOf, LoginReader } from './login-read';
import { activeLoginRoles } from './login-roles';
import { PasswordHasher } from '../passwords/password-hasher';
import { Session } from './session.entity';

const INVALID_CREDENTIALS = 'The username or the password is wrong.';

// One statement, so one round trip and atomic: the session, and a successful login starting both
// counts again (failures, and locks in a row for temporary lockout) when either is not zero.
const OPEN_SESSION: PreparedStatement = {
  name: 'identity.auth.open-session',
  text: `WITH counts_reset AS (
           UPDATE users SET failed_logins = 0, lock_count = 0, updated_at = now()
            WHERE id = $1 AND (failed_logins <> 0 OR lock_count <> 0)
         )
         INSERT INTO sessions (user_id, organization_id, active_roles, roles_selected, expires_at)
         VALUES ($1, $2, $3::jsonb, $4, $5) RETURNING id`,
};

@Injectable()
export class AuthService {
  private readonly reader: LoginReader;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
    private readonly hasher: PasswordHasher,
    private readonly credentials: DirectoryCredentials,
    private readonly lockout: LockoutService,
    private readonly outbox: Outbox,
  ) {
    this.reader = new LoginReader(dataSource);
  }

  /**
   * Checks the credentials, applies lockout and the login-role rules, and opens a session. Users of an
   * LDAP directory differ only in how the password is checked (a bind, see DirectoryCredentials); a
   * directory that cannot be asked is a 503 that counts no failure.
   */
  async login(request: LoginRequest, correlationId: string | null): Promise<SessionView> {
    const read = await this.reader.read(request.username, request.organizationId);
    if (!read) {
      await this.hasher.verifyDecoy(request.password);
      await this.lockout.countUnknown(correlationId);
      throw new ServiceError(401, INVALID_CREDENTIALS, 'INVALID_CREDENTIALS');
    }
    const user = await this.lockout.admit(read.user, correlationId);
    if (!(await this.credentials.passwordMatches(user, request.password))) {
      await this.lockout.countFailure(user, correlationId);
      throw new ServiceError(401, INVALID_CREDENTIALS, 'INVALID_CREDENTIALS');
    }
    if (!user.enabled) throw new ServiceError(403, 'The account is disabled.', 'DISABLED');
    if (user.authStatus === 'PASSWORD_RESET') throw new ServiceError(403, 'The password was reset; set a new one through the link in the email.', 'PASSWORD_RESET');
    if (user.organizationIds.length === 0) throw new ServiceError(403, 'The account belongs to no organization.', 'NO_ORGANIZATION');

    const organization = read.organization;
    if (!organization || !user.organizationIds.includes(organization.id)) {
      throw ServiceError.badInput([{ field: 'organizationId', messages: [`the user is not a member of organization ${request.organizationId ?? user.organizationIds[0]}`] }]);
    }
    const roles = activeLoginRoles(organization.roles, request.roles);
    if (!roles.ok) throw ServiceError.badInput([{ field: 'roles', messages: [`the user does not hold the role ${roles.unknown.join(', ')}`] }]);

    const activeRoles = roles.active.map(({ id, name }) => ({ id, name }));
    const access: SessionAccess = { roles: roles.active.map(definitionOf), businessUnitIds: user.businessUnitIds, organizationUnits: organization.units };
    const expiresAt = new Date(Date.now() + this.settings.tokenTtlSeconds * 1000);
    const [{ id }] = await preparedQuery<{ id: string }>(this.dataSource.manager, OPEN_SESSION, [user.id, organization.id, JSON.stringify(activeRoles), roles.selected, expiresAt]);
    return this.view({ id, userId: user.id, organizationId: organization.id, activeRoles, rolesSelected: roles.selected, expiresAt }, user, access);
  }

  async getSession(sessionId: string): Promise<SessionView> {
    const session = await this.dataSource.getRepository(Session).findOneBy({ id: sessionId, endedAt: IsNull() });
    if (!session || session.expiresAt.getTime() <= Date.now()) throw new ServiceError(401, 'The session has ended; log in again.', 'SESSION_ENDED');
    const user = await this.dataSource.getRepository(User).findOneByOrFail({ id: session.userId });
    return this.describe(await this.refreshRoles(session), user);
  }

  /**
   * Aurea: a session that selected roles keeps them until the next login; one that did not picks up
   * changed assignments (fixed + default) once the role refresh interval has passed.
   */
  private async refreshRoles(session: Session): Promise<Session> {
    if (session.rolesSelected || Date.now() - session.rolesRefreshedAt.getTime() < this.settings.roleRefreshIntervalMs) return session;
    const roles = activeLoginRoles(await assignedRolesIn(this.dataSource.manager, session.userId, session.organizationId), undefined);
    if (!roles.ok) return session;
    session.activeRoles = roles.active.map(({ id, name }) => ({ id, name }));
    session.rolesRefreshedAt = new Date();
    await this.dataSource.getRepository(Session).update({ id: session.id }, { activeRoles: session.activeRoles, rolesRefreshedAt: session.rolesRefreshedAt });
    return session;
  }

  /** The actor's organizations, and its assignments in the session's organization (what login may select there). */
  async sessionChoices(actor: RpcActor): Promise<SessionChoicesView> {
    const user = await this.dataSource.getRepository(User).findOneBy({ id: actor.userId });
    if (!user) throw ServiceError.notFound(`user ${actor.userId}`);
    const organizations = await this.dataSource.getRepository(Organization).find({ where: { id: In(user.organizationIds) }, order: { name: 'ASC' } });
    const roles = await assignedRolesIn(this.dataSource.manager, user.id, actor.organizationId);
    return {
      organizations: organizations.map(({ id, name }) => ({ id, name })),
      roles: roles.map(({ name, fixed, isDefault }) => ({ name, fixed, default: isDefault })),
    };
  }

  /**
   * Logout: ends the session and, in the same transaction, publishes `identity.session.ended`, so
   * every gateway instance drops it from its cache, not only the one that served the logout
   * (DESIGN.md section 4: any instance serves any session). A session already ended publishes nothing.
   */
  async endSession(sessionId: string, correlationId: string | null): Promise<void> {
    await this.outbox.transaction(correlationId, async (manager, publish) => {
      const [ended]: [{ user_id: string }[], number] = await manager.query(
        `UPDATE sessions SET ended_at = now(), end_reason = 'LOGOUT' WHERE id = $1 AND ended_at IS NULL RETURNING user_id`,
        [sessionId],
      );
      if (ended.length) await publish(EventTypes.SessionEnded, { sessionId, userId: ended[0].user_id, reason: 'LOGOUT' });
    });
  }

  /** The session with what the gateway needs to compile its subject: role definitions and the unit tree. */
  private async describe(session: Session, user: User): Promise<SessionView> {
    return this.view(session, user, await loadSessionAccess(this.dataSource.manager, user, session.organizationId, session.activeRoles.map((r) => r.id)));
  }

  private view(session: Pick<Session, 'id' | 'userId' | 'organizationId' | 'activeRoles' | 'rolesSelected' | 'expiresAt'>, user: User, access: SessionAccess): SessionView {
    return {
      sessionId: session.id,
      userId: session.userId,
      username: user.username,
      organizationId: session.organizationId,
      activeRoles: session.activeRoles.map((r) => r.name),
      rolesSelected: session.rolesSelected,
      expiresAt: session.expiresAt.toISOString(),
      access,
    };
  }
}
