import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { ConfigurationView, resolveConfiguration, RoleConfigurationLayer, RpcActor, StoredConfiguration } from '@app/contracts';
import { DataSource } from 'typeorm';
import { ActorAccess } from '../access/actor-access.service';

/**
 * A user's configuration as their session resolves it (DESIGN.md sections 4 and 5): the session's
 * snapshot of active roles picks the role layers, so another login with other roles resolves otherwise.
 */
@Injectable()
export class SessionConfigurationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: ActorAccess,
  ) {}

  /** The user's own view with every key resolved for the actor's session; `settings` become the resolved values. */
  async resolve(actor: RpcActor, own: ConfigurationView): Promise<ConfigurationView> {
    const db = this.dataSource.manager;
    const session = await this.access.activeRoles(db, actor);
    // Roles count only in the session's organization (a role of another organization is never active there).
    const roleIds = session.organizationId === own.organizationId ? session.roleIds : [];
    const roles: RoleConfigurationLayer[] = await db.query(
      `SELECT r.id, r.name, r.priority, rc.settings
         FROM role_configurations rc JOIN roles r ON r.id = rc.role_id
        WHERE r.id = ANY($1::uuid[]) AND (r.organization_id IS NULL OR r.organization_id = $2)`,
      [roleIds, own.organizationId],
    );
    const [organization]: { settings: StoredConfiguration }[] = await db.query('SELECT settings FROM organization_configurations WHERE organization_id = $1', [
      own.organizationId,
    ]);
    const [user]: { settings: StoredConfiguration }[] = await db.query('SELECT settings FROM user_configurations WHERE user_id = $1 AND organization_id = $2', [
      own.userId,
      own.organizationId,
    ]);
    const resolution = resolveConfiguration({ organizationId: own.organizationId, organization: organization?.settings ?? null, roles, user: user?.settings ?? null });
    return { ...own, settings: resolution.settings, resolved: resolution.resolved, layers: resolution.layers };
  }
}
