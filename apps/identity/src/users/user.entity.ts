import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export type AuthStatus = 'ACTIVE' | 'LOCKED' | 'PASSWORD_RESET';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  /** Unique without regard to case: a unique index on lower(username) enforces it. */
  @Column({ type: 'text' })
  username: string;

  /** Null for a user of an LDAP directory (`ldapDirectoryId` set): it logs in by binding to the directory. */
  @Column({ name: 'password_hash', type: 'text', nullable: true })
  passwordHash: string | null;

  /** The distinguished name of the directory entry this user was imported from; null for a hand-made user. */
  @Column({ name: 'ldap_dn', type: 'text', nullable: true })
  ldapDn: string | null;

  /** The directory that manages this user (imports update it, and disable it once its entry is gone). */
  @Column({ name: 'ldap_directory_id', type: 'uuid', nullable: true })
  ldapDirectoryId: string | null;

  @Column({ type: 'boolean', default: true })
  enabled: boolean;

  @Column({ name: 'auth_status', type: 'text', default: 'ACTIVE' })
  authStatus: AuthStatus;

  @Column({ name: 'failed_logins', type: 'int', default: 0 })
  failedLogins: number;

  /** The end of a temporary lock; null when not locked or locked until someone activates. */
  @Column({ name: 'locked_until', type: 'timestamptz', nullable: true })
  lockedUntil: Date | null;

  /** Locks in a row since the last successful login: each temporary lock waits twice the last. */
  @Column({ name: 'lock_count', type: 'int', default: 0 })
  lockCount: number;

  @Column({ name: 'name_prefix', type: 'text', nullable: true })
  namePrefix: string | null;

  @Column({ name: 'first_name', type: 'text' })
  firstName: string;

  @Column({ name: 'middle_name', type: 'text', nullable: true })
  middleName: string | null;

  @Column({ name: 'last_name', type: 'text' })
  lastName: string;

  @Column({ name: 'name_suffix', type: 'text', nullable: true })
  nameSuffix: string | null;

  @Column({ name: 'primary_email', type: 'text' })
  primaryEmail: string;

  @Column({ name: 'owner_business_unit_id', type: 'uuid' })
  ownerBusinessUnitId: string;

  @Column({ name: 'organization_ids', type: 'uuid', array: true, default: () => "'{}'" })
  organizationIds: string[];

  @Column({ name: 'business_unit_ids', type: 'uuid', array: true, default: () => "'{}'" })
  businessUnitIds: string[];

  @Column({ name: 'security_profiles', type: 'text', array: true, default: () => "'{}'" })
  securityProfiles: string[];

  /** `YYYY-MM-DD` (a PostgreSQL date, read back as text). */
  @Column({ type: 'date', nullable: true })
  birthday: string | null;

  @Column({ type: 'text', nullable: true })
  phone: string | null;

  /** More addresses besides the primary one; no address belongs to two users. */
  @Column({ type: 'text', array: true, default: () => "'{}'" })
  emails: string[];

  @Column({ name: 'custom_fields', type: 'jsonb', default: () => "'{}'" })
  customFields: Record<string, string | number | boolean>;

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
