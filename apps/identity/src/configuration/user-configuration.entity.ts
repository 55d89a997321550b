import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { UserConfigurationValues } from '@app/contracts';

/** The settings a user overrides in one organization; the rest are defaults. */
@Entity('user_configurations')
export class UserConfiguration {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: Partial<UserConfigurationValues>;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
