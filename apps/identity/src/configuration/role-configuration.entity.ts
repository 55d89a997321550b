import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { StoredConfiguration } from '@app/contracts';

/** The configuration attached to a role (Aurea): applies in sessions where the role is active. */
@Entity('role_configurations')
export class RoleConfiguration {
  @PrimaryColumn({ name: 'role_id', type: 'uuid' })
  roleId: string;

  @Column({ type: 'jsonb', default: () => "'{}'" })
  settings: StoredConfiguration;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
