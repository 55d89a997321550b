import { Column, CreateDateColumn, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';

/** The portal access profile of one CRM user; its client account is the user's organization. */
@Entity('portal_user_access')
export class PortalUserAccess {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ type: 'text' })
  username: string;

  @Column({ name: 'organization_ids', type: 'uuid', array: true })
  organizationIds: string[];

  /** The name of a row of portal_access_profiles (a foreign key that follows a rename). */
  @Column({ type: 'text' })
  profile: string;

  /** Follows identity's enabled flag: a disabled user opens no feature. */
  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
