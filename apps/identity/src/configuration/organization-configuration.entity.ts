import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StoredConfiguration } from '@app/contracts';

/** The values an organization sets for its users, over the system defaults. */
@Entity('organization_configurations')
export class OrganizationConfiguration {
  @PrimaryColumn({ name: 'organization_id', type: 'uuid' })
  organizationId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: StoredConfiguration;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
