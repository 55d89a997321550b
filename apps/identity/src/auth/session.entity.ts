import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

export interface ActiveRole {
  id: string;
  name: string;
}

/** A login: the JWT carries its id; ending it ends every token that names it. */
@Entity('sessions')
export class Session {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'user_id', type: 'uuid' })
  userId: string;

  @Column({ name: 'organization_id', type: 'uuid', nullable: true })
  organizationId: string | null;

  @Column({ name: 'active_roles', type: 'jsonb' })
  activeRoles: ActiveRole[];

  @Column({ name: 'roles_selected', type: 'boolean' })
  rolesSelected: boolean;

  /** Sessions without a selection recompute their roles once this is older than ROLE_REFRESH_INTERVAL. */
  @Column({ name: 'roles_refreshed_at', type: 'timestamptz', default: () => 'now()' })
  rolesRefreshedAt: Date;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @Column({ name: 'expires_at', type: 'timestamptz' })
  expiresAt: Date;

  @Column({ name: 'ended_at', type: 'timestamptz', nullable: true })
  endedAt: Date | null;

  @Column({ name: 'end_reason', type: 'text', nullable: true })
  endReason: string | null;
}
