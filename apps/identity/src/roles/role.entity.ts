import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredFieldPermission, StoredPermission } from '@app/role-store';

/** A role as libs/acl reads it; permissions are stored whole because they are read whole. */
@Entity('roles')
export class Role {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text', unique: true })
  name: string;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  /** The organization the role belongs to (seen and used only there); null: system-wide. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'read_only', type: 'boolean', default: false })
  readOnly: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  permissions: StoredPermission[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  capabilities: string[];

  @Column({ name: 'field_permissions', type: 'jsonb', default: () => "'[]'" })
  fieldPermissions: StoredFieldPermission[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
