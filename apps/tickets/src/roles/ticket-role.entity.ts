import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';
import type { StoredPermission } from '@app/role-store';

/** A tickets security role (OrangeTask), a libs/acl role over the TICKETS_ACL catalogue. */
@Entity('ticket_roles')
export class TicketRole {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ type: 'text' })
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
