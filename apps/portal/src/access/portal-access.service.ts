import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { UserCreatedData } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { DataSource, EntityManager } from 'typeorm';
import { FeatureView, featuresOfProfile, featureViews, MINIMUM_PROFILE } from './portal-features';
import { PortalUserAccess } from './portal-user-access.entity';

export interface UserAccessView {
  userId: string;
  profile: string;
  features: FeatureView[];
}

@Injectable()
export class PortalAccessService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Every new CRM user gets the minimum access, once. */
  async onUserCreated(data: UserCreatedData, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(PortalUserAccess)
      .values({ userId: data.id, username: data.username, organizationIds: data.organizationIds, profile: MINIMUM_PROFILE })
      .orIgnore()
      .execute();
  }

  async accessOf(userId: string): Promise<UserAccessView> {
    const access = await this.dataSource.getRepository(PortalUserAccess).findOneBy({ userId });
    if (!access) throw ServiceError.notFound(`portal access of user ${userId}`);
    return { userId, profile: access.profile, features: featureViews(featuresOfProfile(access.profile)) };
  }

  /** The home page: a user the portal has not heard of yet still gets the minimum. */
  async home(userId: string): Promise<{ profile: string; features: FeatureView[] }> {
    const access = await this.dataSource.getRepository(PortalUserAccess).findOneBy({ userId });
    const profile = access?.profile ?? MINIMUM_PROFILE;
    return { profile, features: featureViews(featuresOfProfile(profile)) };
  }
}
