import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { EventTypes, MINIMUM_PORTAL_PROFILE, PortalAccessView, PortalHomeView, UserAccessPayloadDto, UserCreatedData, UserRefData, UserUpdatedData } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { ServiceError, SETTINGS, Settings } from '@app/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { featureViews } from './portal-features';
import { PortalUserAccess } from './portal-user-access.entity';

interface AccessRow {
  userId: string;
  organizationIds: string[];
  enabled: boolean;
  profile: string;
  description: string;
  features: string[];
}

const ACCESS_OF = `SELECT a.user_id AS "userId", a.organization_ids AS "organizationIds", a.enabled, a.profile, p.description, p.features
  FROM portal_user_access a JOIN portal_access_profiles p ON p.name = a.profile WHERE a.user_id = $1`;

/**
 * Users' portal access (DESIGN.md section 7): every CRM user gets MINIMUM on creation; an
 * administrator puts one on a profile or back on MINIMUM; a disabled user opens nothing. Every
 * change publishes `portal.access.changed` in its transaction, so the gateway drops what it cached.
 */
@Injectable()
export class PortalAccessService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Every new CRM user gets the minimum access, once. */
  async onUserCreated(data: UserCreatedData, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PortalUserAccess)
      .values({ userId: data.id, username: data.username, organizationIds: data.organizationIds, profile: MINIMUM_PORTAL_PROFILE, enabled: data.enabled })
      .orIgnore()
      .execute();
  }

  /** Organizations decide which administrators reach the user; the username is shown to them. */
  async onUserUpdated(data: UserUpdatedData, manager: EntityManager, correlationId: string | null): Promise<void> {
    const changes: Partial<PortalUserAccess> = {};
    if (data.organizationIds) changes.organizationIds = data.organizationIds;
    if (data.username) changes.username = data.username;
    if (data.enabled !== undefined) changes.enabled = data.enabled;
    if (Object.keys(changes).length) await manager.update(PortalUserAccess, { userId: data.id }, changes);
    if (data.enabled !== undefined) await this.announce(manager, correlationId, data.id);
  }

  /** identity.user.enabled / .disabled: a disabled user keeps its profile but opens nothing. */
  async onUserEnabled(data: UserRefData, enabled: boolean, manager: EntityManager, correlationId: string | null): Promise<void> {
    await manager.update(PortalUserAccess, { userId: data.id }, { enabled });
    await this.announce(manager, correlationId, data.id);
  }

  private async announce(manager: EntityManager, correlationId: string | null, userId: string): Promise<void> {
    const [row] = await manager.query('SELECT profile FROM portal_user_access WHERE user_id = $1', [userId]);
    if (row) await this.outbox.publisherIn(manager, correlationId)(EventTypes.PortalAccessChanged, { userId, profile: row.profile });
  }

  /** For the gateway's feature gate: a user the portal has not heard of yet has the minimum. */
  async accessOf(userId: string): Promise<PortalAccessView> {
    return this.view((await this.rowOf(this.dataSource.manager, userId)) ?? (await this.minimumFor(userId)));
  }

  /** The home page: a user the portal has not heard of yet still gets the minimum. */
  async home(userId: string): Promise<PortalHomeView> {
    const view = await this.accessOf(userId);
    return { profile: view.profile, features: view.features, access: { profile: view.profile, description: view.description } };
  }

  /** An administrator reads a user it may reach (its organization, or anyone with `organizationId` null). */
  async accessFor(payload: UserAccessPayloadDto): Promise<PortalAccessView> {
    return this.view(await this.reachable(this.dataSource.manager, payload));
  }

  async set(requestId: string, payload: UserAccessPayloadDto): Promise<PortalAccessView> {
    return this.outbox.transaction(requestId, async (manager, publish) => {
      // KEY SHARE: a delete of the profile waits for this change (and then finds it in use) instead of failing it.
      const [profile] = await manager.query('SELECT name FROM portal_access_profiles WHERE name_key = lower($1) FOR KEY SHARE', [payload.profile ?? '']);
      if (!profile) throw new ServiceError(404, `The access profile ${payload.profile} does not exist.`, 'ACCESS_PROFILE_NOT_FOUND', { profile: payload.profile });
      return this.move(manager, publish, payload, profile.name);
    });
  }

  async reset(requestId: string, payload: UserAccessPayloadDto): Promise<PortalAccessView> {
    return this.outbox.transaction(requestId, (manager, publish) => this.move(manager, publish, payload, MINIMUM_PORTAL_PROFILE));
  }

  private async move(manager: EntityManager, publish: PublishInTransaction, payload: UserAccessPayloadDto, profile: string): Promise<PortalAccessView> {
    const row = await this.reachable(manager, payload, true);
    if (row.profile !== profile) {
      await manager.query('UPDATE portal_user_access SET profile = $2, updated_at = now() WHERE user_id = $1', [row.userId, profile]);
      await publish(EventTypes.PortalAccessChanged, { userId: row.userId, profile });
    }
    return this.view((await this.rowOf(manager, row.userId))!);
  }

  /** The user's row, locked when it is about to change; 404 also for a user of another organization. */
  private async reachable(manager: EntityManager, payload: UserAccessPayloadDto, lock = false): Promise<AccessRow> {
    if (lock) await manager.query('SELECT 1 FROM portal_user_access WHERE user_id = $1 FOR UPDATE', [payload.userId]);
    const row = await this.rowOf(manager, payload.userId);
    if (!row || (payload.organizationId && !row.organizationIds.includes(payload.organizationId))) {
      throw ServiceError.notFound(`portal access of user ${payload.userId}`, 'PORTAL_USER_NOT_FOUND');
    }
    return row;
  }

  private async rowOf(manager: EntityManager, userId: string): Promise<AccessRow | undefined> {
    const [row] = await manager.query(ACCESS_OF, [userId]);
    return row;
  }

  private async minimumFor(userId: string): Promise<AccessRow> {
    const [row] = await this.dataSource.query('SELECT description, features FROM portal_access_profiles WHERE name = $1', [MINIMUM_PORTAL_PROFILE]);
    return { userId, organizationIds: [], enabled: true, profile: MINIMUM_PORTAL_PROFILE, ...row };
  }

  private view(row: AccessRow): PortalAccessView {
    return {
      userId: row.userId,
      profile: row.profile,
      description: row.description,
      enabled: row.enabled,
      features: featureViews(row.enabled ? row.features : [], this.settings.portal.urls),
    };
  }
}
