import { Column, CreateDateColumn, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredPermission } from './role-body';

/**
 * The columns every role table has, as libs/acl reads them (permissions are stored whole because they
 * are read whole). Each app's entity extends this with its table, its name column and its extras.
 */
export abstract class RoleColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  name: string;

  @Column({ type: 'text', nullable: true })
  label: string | null;

  @Column({ name: 'read_only', type: 'boolean', default: false })
  readOnly: boolean;

  @Column({ type: 'jsonb', default: () => "'[]'" })
  permissions: StoredPermission[];

  @Column({ type: 'jsonb', default: () => "'[]'" })
  capabilities: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}

/** A named security profile's columns; its name is stored as given and unique ignoring case. */
export abstract class ProfileColumns {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
  name: string;

  @Column({ type: 'text', nullable: true })
  description: string | null;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;
}
