import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { buildOwnerTree, compileSubject, ExplainSubject, Subject } from '@app/acl';
import { RpcActor, SUITE_ACL } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { activeLoginRoles } from '../auth/login-roles';
import { assignedRolesIn, loadSessionAccess } from './session-access';

const NOT_AUTHENTICATED = () => new ServiceError(401, 'This needs a logged-in user with an open session.', 'NOT_AUTHENTICATED');

/**
 * The acting user's compiled subject, read from identity's own sessions and API keys rather than
 * taken from the caller: write checks (scopes of several actions, "no one grants more than they
 * hold") need the whole subject, and identity is where it is decided.
 */
@Injectable()
export class ActorAccess {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async subjectOf(actor: RpcActor | null, db: EntityManager = this.dataSource.manager): Promise<Subject> {
    const { catalogue, roles, context, tree } = await this.explainSubjectOf(actor, db);
    return compileSubject(catalogue, roles, context, tree);
  }

  /** What the actor's subject is compiled from, role by role, for libs/acl's explain. */
  async explainSubjectOf(actor: RpcActor | null, db: EntityManager = this.dataSource.manager): Promise<ExplainSubject> {
    if (!actor?.userId || !actor.sessionId) throw NOT_AUTHENTICATED();
    const [user]: { businessUnitIds: string[] }[] = await db.query('SELECT business_unit_ids AS "businessUnitIds" FROM users WHERE id = $1', [actor.userId]);
    if (!user) throw NOT_AUTHENTICATED();
    const { organizationId, roleIds } = await this.activeRoles(db, actor);
    if (!organizationId) throw new ServiceError(403, 'Access denied: this needs an organization to act in.', 'ACCESS_DENIED');
    const access = await loadSessionAccess(db, user, organizationId, roleIds);
    return {
      catalogue: SUITE_ACL,
      roles: access.roles,
      context: { userId: actor.userId, organizationId, businessUnitIds: access.businessUnitIds },
      tree: buildOwnerTree(access.organizationUnits),
    };
  }

  /** A login session's snapshot of roles, or an API key's fixed and default roles in its organization. */
  async activeRoles(db: EntityManager, actor: RpcActor): Promise<{ organizationId: string | null; roleIds: string[] }> {
    const keyId = /^apikey:(.+)$/.exec(actor.sessionId)?.[1];
    if (keyId) {
      const [key]: { organizationId: string }[] = await db.query(
        'SELECT organization_id AS "organizationId" FROM api_keys WHERE id::text = $1 AND user_id = $2',
        [keyId, actor.userId],
      );
      if (!key) throw NOT_AUTHENTICATED();
      const login = activeLoginRoles(await assignedRolesIn(db, actor.userId, key.organizationId), undefined);
      return { organizationId: key.organizationId, roleIds: login.ok ? login.active.map((r) => r.id) : [] };
    }
    const [session]: { organizationId: string | null; activeRoles: { id: string }[] }[] = await db.query(
      `SELECT organization_id AS "organizationId", active_roles AS "activeRoles" FROM sessions
        WHERE id::text = $1 AND user_id = $2 AND ended_at IS NULL AND expires_at > now()`,
      [actor.sessionId, actor.userId],
    );
    if (!session) throw NOT_AUTHENTICATED();
    return { organizationId: session.organizationId, roleIds: session.activeRoles.map((r) => r.id) };
  }
}
