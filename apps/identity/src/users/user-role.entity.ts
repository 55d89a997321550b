import { Column, Entity, PrimaryColumn } from 'typeorm';

/** A role held by a user, with Aurea's login flags. */
@Entity('user_roles')
export class UserRole {
  @PrimaryColumn({ name: 'user_id', type: 'uuid' })
  userId: string;

  @PrimaryColumn({ name: 'role_id', type: 'uuid' })
  roleId: string;

  /** Always active at login; cannot be deselected. */
  @Column({ type: 'boolean', default: false })
  fixed: boolean;

  /** Pre-selected when the user picks roles. */
  @Column({ name: 'is_default', type: 'boolean', default: false })
  isDefault: boolean;
}
