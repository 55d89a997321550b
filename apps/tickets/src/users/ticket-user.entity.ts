import { TicketsUserStatus } from '@app/contracts';
import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

export type TicketUserStatus = TicketsUserStatus;

/** Tickets' mirror of an identity user: same id and username, never a credential. */
@Entity('ticket_users')
export class TicketUser {
  @PrimaryColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ type: 'text' })
  email: string;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  /** Follows identity: a disabled user reaches no ticket route whatever its roles. */
  @Column({ type: 'boolean' })
  enabled: boolean;

  @Column({ type: 'text', default: 'NEW' })
  status: TicketUserStatus;

  @Column({ name: 'organization_ids', type: 'uuid', array: true })
  organizationIds: string[];

  @Column({ name: 'business_unit_ids', type: 'uuid', array: true })
  businessUnitIds: string[];

  @Column({ name: 'owner_business_unit_id', type: 'uuid' })
  ownerBusinessUnitId: string;

  /** The CRM security profile names, kept to match tickets' own profiles against. */
  @Column({ name: 'security_profiles', type: 'text', array: true })
  securityProfiles: string[];

  /** Bumped when the roles held or the units change, so a cached subject is recompiled. */
  @Column({ name: 'access_version', type: 'bigint', default: 0 })
  accessVersion: string;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
