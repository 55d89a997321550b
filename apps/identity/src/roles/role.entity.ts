import { Column, Entity } from 'typeorm';
import type { StoredFieldPermission } from '@app/role-store';
import { RoleColumns } from '@app/role-store/stored-columns';

/** A role as libs/acl reads it, over the suite catalogue, with field permissions and an organization. */
@Entity('roles')
export class Role extends RoleColumns {
  /** Unique ignoring case (index roles_name_ci). */
  @Column({ type: 'text' })
  declare name: string;

  /** The organization the role belongs to (seen and used only there); null: system-wide. */
  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  /** Orders the configurations of a session's roles, ascending: the highest priority wins (ties by name). */
  @Column({ type: 'integer', default: 0 })
  priority: number;

  @Column({ name: 'field_permissions', type: 'jsonb', default: () => "'[]'" })
  fieldPermissions: StoredFieldPermission[];
}
