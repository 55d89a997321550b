import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AclScope, placementInScope } from '@app/acl';
import { ConfigurationView, effectiveConfiguration, UserConfigurationDto, UserConfigurationValues } from '@app/contracts';
import { Outbox } from '@app/bus';
import { ServiceError } from '@app/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { outOfScope } from '../access/scope-checks';
import { User } from '../users/user.entity';
import { userInScope } from '../users/user-scope';
import { layerValues, setKeys } from './layer-values';
import { UserConfiguration } from './user-configuration.entity';

/** Per-user settings per organization (OroCRM's user configuration), defaults when nothing is set. */
@Injectable()
export class ConfigurationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
  ) {}

  async get(userId: string, organizationId: string | null | undefined, scope: AclScope): Promise<ConfigurationView> {
    const organization = await this.target(this.dataSource.manager, userId, organizationId, scope);
    const stored = await this.dataSource.getRepository(UserConfiguration).findOneBy({ userId, organizationId: organization });
    return view(userId, organization, stored?.settings ?? {});
  }

  /** Replaces the user's settings in the organization with the given ones; keys left out go back to defaults. */
  async put(userId: string, organizationId: string | null | undefined, input: UserConfigurationDto, scope: AclScope, correlationId: string | null): Promise<ConfigurationView> {
    const settings = layerValues(input);
    return this.outbox.transaction(correlationId, async (manager) => {
      const organization = await this.target(manager, userId, organizationId, scope);
      await manager.upsert(UserConfiguration, { userId, organizationId: organization, settings }, ['userId', 'organizationId']);
      return view(userId, organization, settings);
    });
  }

  /** The organization to configure: given, or the caller's current one; the user must be a member. */
  private async target(manager: EntityManager, userId: string, organizationId: string | null | undefined, scope: AclScope): Promise<string> {
    const user = await manager.findOneBy(User, { id: userId });
    if (!user || !userInScope(scope, user)) throw ServiceError.notFound(`user ${userId}`);
    if (!organizationId) throw ServiceError.badInput([{ field: 'organizationId', messages: ['organizationId is needed: the session has no current organization'] }]);
    if (!user.organizationIds.includes(organizationId)) {
      throw ServiceError.badInput([{ field: 'organizationId', messages: [`the user is not a member of organization ${organizationId}`] }]);
    }
    // Settings of the user in another organization lie outside an organization-level administrator's reach.
    if (!placementInScope(scope, { organizationId })) throw outOfScope(`the settings of user ${userId} in organization ${organizationId}`);
    return organizationId;
  }
}

const view = (userId: string, organizationId: string, stored: Partial<UserConfigurationValues>): ConfigurationView => ({
  userId,
  organizationId,
  settings: effectiveConfiguration(stored),
  customized: setKeys(stored),
});
