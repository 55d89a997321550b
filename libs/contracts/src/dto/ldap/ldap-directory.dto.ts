import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { IsDistinguishedName } from './distinguished-name';

/** `ldap://host[:port]` or `ldaps://host[:port]`, nothing after the authority but an optional `/`. */
export const LDAP_URL = /^ldaps?:\/\/(\[[0-9A-Fa-f:.]+\]|[A-Za-z0-9.-]+)(:\d{1,5})?\/?$/;

/** An attribute description of RFC 4512: a name (letters, digits, hyphens) or a numeric OID. */
export const LDAP_ATTRIBUTE = /^([A-Za-z][A-Za-z0-9-]{0,63}|\d+(\.\d+){1,30})$/;

const attribute = (): PropertyDecorator => (target, key) => {
  IsString()(target, key);
  Matches(LDAP_ATTRIBUTE, { message: `${String(key)} must be an LDAP attribute name such as uid or givenName` })(target, key);
};

const optional = (decorate: () => PropertyDecorator): PropertyDecorator => (target, key) => {
  IsOptional()(target, key);
  decorate()(target, key);
};

/** Which attribute of a directory entry fills which user field. */
export class LdapAttributeMappingDto {
  @attribute()
  username: string;

  @attribute()
  primaryEmail: string;

  @attribute()
  firstName: string;

  @attribute()
  lastName: string;

  /** Further addresses: every value of this attribute besides the primary one. */
  @optional(attribute)
  emails?: string;

  @optional(attribute)
  phone?: string;
}

/** Members of the group entry `groupDn` (its member/uniqueMember values) get role `roleId`. */
export class LdapRoleMappingDto {
  @IsDistinguishedName()
  groupDn: string;

  @IsUUID()
  roleId: string;
}

/**
 * `PUT /api/organizations/:organizationId/ldap`: the whole configuration. `bindPassword` left out
 * keeps the stored one (it is never shown again); the filter is parsed by identity before saving.
 */
export class PutLdapDirectoryDto {
  @IsString()
  @MaxLength(2048)
  @Matches(LDAP_URL, { message: 'url must be ldap://host[:port] or ldaps://host[:port]' })
  url: string;

  @IsDistinguishedName()
  bindDn: string;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(1024)
  bindPassword?: string;

  @IsDistinguishedName()
  baseDn: string;

  @IsString()
  @MinLength(1)
  @MaxLength(4096)
  userFilter: string;

  @ValidateNested()
  @Type(() => LdapAttributeMappingDto)
  attributeMapping: LdapAttributeMappingDto;

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => LdapRoleMappingDto)
  roleMapping: LdapRoleMappingDto[];

  /** The unit that owns (and is the only unit of) every imported user. */
  @IsUUID()
  ownerBusinessUnitId: string;

  /** Roles of an imported user whom no mapped group names: at least one, as every user holds a role. */
  @IsArray()
  @ArrayMinSize(1, { message: 'defaultRoleIds must hold at least one role: a user without a role cannot be saved' })
  @ArrayMaxSize(20)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  defaultRoleIds: string[];
}

/** RPC payload naming an organization's directory. */
export class LdapDirectoryRefDto {
  @IsUUID()
  organizationId: string;
}

/** `identity.ldap.put`. */
export class PutLdapDirectoryPayloadDto extends PutLdapDirectoryDto {
  @IsUUID()
  organizationId: string;
}

/**
 * `POST /api/organizations/:organizationId/ldap/test`: `{}` tests the stored configuration;
 * `{ directory }` tests an unsaved one (its password, if left out, is the stored one).
 */
export class TestLdapDirectoryDto {
  @IsOptional()
  @ValidateNested()
  @Type(() => PutLdapDirectoryDto)
  directory?: PutLdapDirectoryDto;
}

/** `identity.ldap.test`. */
export class TestLdapDirectoryPayloadDto extends TestLdapDirectoryDto {
  @IsUUID()
  organizationId: string;
}

/** `identity.ldap.imports.get`. */
export class LdapImportRefDto {
  @IsUUID()
  organizationId: string;

  @IsUUID()
  importId: string;
}
