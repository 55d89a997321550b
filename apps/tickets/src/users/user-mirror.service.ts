import { Injectable } from '@nestjs/common';
import { AnyEvent, EventOf, EventTypes, UserUpdatedData } from '@app/contracts';
import { Outbox, PublishInTransaction } from '@app/bus';
import { EntityManager } from 'typeorm';
import { userAccessChanged } from '../access/access-versions';
import { TicketUser } from './ticket-user.entity';
import { rolesOfMatchingProfiles, setUserRoles } from './user-roles';

/** Columns of ticket_users that follow identity.user.updated. */
const MIRRORED: [keyof UserUpdatedData, string][] = [
  ['username', 'username'],
  ['email', 'email'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['organizationIds', 'organization_ids'],
  ['businessUnitIds', 'business_unit_ids'],
  ['ownerBusinessUnitId', 'owner_business_unit_id'],
  ['securityProfiles', 'security_profiles'],
];
const ACCESS_FIELDS = new Set<keyof UserUpdatedData>(['organizationIds', 'businessUnitIds', 'ownerBusinessUnitId']);

/** Keeps tickets' users in step with identity and assigns roles by security profile (OrangeTask). */
@Injectable()
export class UserMirrorService {
  constructor(private readonly outbox: Outbox) {}

  /**
   * Mirrors a new identity user as NEW, then, in the same transaction, gives it the roles of every
   * tickets profile whose name equals one of its CRM profiles, which makes it ACTIVE.
   */
  async onUserCreated(event: EventOf<typeof EventTypes.UserCreated>, manager: EntityManager): Promise<void> {
    const data = event.data;
    const inserted: unknown[] = await manager.query(
      `INSERT INTO ticket_users (id, username, email, first_name, last_name, enabled, status, organization_ids, business_unit_ids, owner_business_unit_id, security_profiles)
       VALUES ($1, $2, $3, $4, $5, $6, 'NEW', $7, $8, $9, $10) ON CONFLICT (id) DO NOTHING RETURNING id`,
      [data.id, data.username, data.email, data.firstName, data.lastName, data.enabled, data.organizationIds, data.businessUnitIds, data.ownerBusinessUnitId, data.securityProfiles],
    );
    if (inserted.length) await this.matchProfiles(manager, this.publisher(manager, event), data.id, data.securityProfiles);
  }

  /** Follows the changed fields; new CRM profiles are matched again for a user still NEW. */
  async onUserUpdated(event: EventOf<typeof EventTypes.UserUpdated>, manager: EntityManager): Promise<void> {
    const data = event.data;
    const user = await this.lock(manager, data.id);
    const changed = MIRRORED.filter(([key]) => data[key] !== undefined);
    if (changed.length) {
      const sets = changed.map(([, column], index) => `${column} = $${index + 2}`);
      await manager.query(`UPDATE ticket_users SET ${sets.join(', ')}, updated_at = now() WHERE id = $1`, [data.id, ...changed.map(([key]) => data[key])]);
    }
    if (changed.some(([key]) => ACCESS_FIELDS.has(key))) await userAccessChanged(manager, this.publisher(manager, event), [data.id]);
    if (data.securityProfiles && user.status === 'NEW') await this.matchProfiles(manager, this.publisher(manager, event), data.id, data.securityProfiles);
  }

  /** A disabled user keeps its roles and status but reaches no ticket route (the gateway's cached subject is dropped). */
  async onUserEnabled(event: EventOf<typeof EventTypes.UserEnabled | typeof EventTypes.UserDisabled>, manager: EntityManager, enabled: boolean): Promise<void> {
    await this.lock(manager, event.data.id);
    await manager.query('UPDATE ticket_users SET enabled = $2, updated_at = now() WHERE id = $1', [event.data.id, enabled]);
    await userAccessChanged(manager, this.publisher(manager, event), [event.data.id]);
  }

  private async matchProfiles(manager: EntityManager, publish: PublishInTransaction, userId: string, profileNames: string[]): Promise<void> {
    const roleIds = await rolesOfMatchingProfiles(manager, profileNames);
    if (roleIds.length) await setUserRoles(manager, publish, userId, 'NEW', roleIds);
  }

  /**
   * The user's row, locked. An event about a user not mirrored yet (its creation is still on its way)
   * fails, so the consumer retries it after the creation.
   */
  private async lock(manager: EntityManager, id: string): Promise<TicketUser> {
    const user = await manager.findOne(TicketUser, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!user) throw new Error(`user ${id} is not mirrored yet`);
    return user;
  }

  /** Events caused by an event go into the outbox of the consumer's transaction, under its correlation. */
  private publisher(manager: EntityManager, cause: AnyEvent): PublishInTransaction {
    return this.outbox.publisherIn(manager, cause.correlationId ?? cause.id);
  }
}
