import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

/** Which directory attribute fills which user field; further emails and phone may be left out. */
export interface LdapAttributeMapping {
  username: string;
  primaryEmail: string;
  firstName: string;
  lastName: string;
  /** Further addresses (every value of a multi-valued attribute). */
  emails?: string;
  phone?: string;
}

/** Members of the group entry `groupDn` (its `member`/`uniqueMember` values) are given role `roleId`. */
export interface LdapRoleMapping {
  groupDn: string;
  roleId: string;
}

/** The LDAP directory of one organization (at most one each). */
@Entity('ldap_directories')
export class LdapDirectory {
  @PrimaryGeneratedColumn('uuid')
  id: string;

  @Column({ name: 'organization_id', type: 'uuid', unique: true })
  organizationId: string;

  /** `ldap://` or `ldaps://` host and port. */
  @Column({ type: 'text' })
  url: string;

  @Column({ name: 'bind_dn', type: 'text' })
  bindDn: string;

  /** `v1.<iv>.<tag>.<ciphertext>` (base64url), see ldap-secret-box.ts; never leaves identity. */
  @Column({ name: 'bind_password_encrypted', type: 'text' })
  bindPasswordEncrypted: string;

  @Column({ name: 'base_dn', type: 'text' })
  baseDn: string;

  /** An RFC 4515 filter selecting the user entries under `baseDn`. */
  @Column({ name: 'user_filter', type: 'text' })
  userFilter: string;

  @Column({ name: 'attribute_mapping', type: 'jsonb' })
  attributeMapping: LdapAttributeMapping;

  @Column({ name: 'role_mapping', type: 'jsonb', default: () => "'[]'" })
  roleMapping: LdapRoleMapping[];

  /** The business unit that owns (and is the only unit of) every user the import creates. */
  @Column({ name: 'owner_business_unit_id', type: 'uuid' })
  ownerBusinessUnitId: string;

  /** Roles given to an imported user whom no mapped group names. */
  @Column({ name: 'default_role_ids', type: 'uuid', array: true, default: () => "'{}'" })
  defaultRoleIds: string[];

  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' })
  createdAt: Date;

  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' })
  updatedAt: Date;
}
