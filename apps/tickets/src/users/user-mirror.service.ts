import { Injectable } from '@nestjs/common';
import { UserCreatedData } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { TicketUser } from './ticket-user.entity';

@Injectable()
export class UserMirrorService {
  /** Mirrors a new identity user as NEW; the same user arriving twice is kept once. */
  async onUserCreated(data: UserCreatedData, manager: EntityManager): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(TicketUser)
      .values({
        id: data.id,
        username: data.username,
        email: data.email,
        firstName: data.firstName,
        lastName: data.lastName,
        enabled: data.enabled,
        status: 'NEW',
        organizationIds: data.organizationIds,
        businessUnitIds: data.businessUnitIds,
        ownerBusinessUnitId: data.ownerBusinessUnitId,
        securityProfiles: data.securityProfiles,
      })
      .orIgnore()
      .execute();
  }
}
