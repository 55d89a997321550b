import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsBoolean, IsEmail, IsOptional, IsString, IsUUID, Matches, MaxLength, MinLength, ValidateNested } from 'class-validator';
import { IsAvatar, IsBirthday, IsCustomFields } from './rule-decorators';
import { PHONE } from './user-fields';

/**
 * The rules of each user field, once: the create, edit and profile DTOs apply them, required or
 * behind `Optional(...)`, so a field is checked the same way on every route that takes it.
 */
const all =
  (...decorators: PropertyDecorator[]): PropertyDecorator =>
  (target, key) =>
    decorators.forEach((decorate) => decorate(target, key));

/** The same rules, for a field that may be left out. */
export const Optional = (rules: PropertyDecorator): PropertyDecorator => all(IsOptional(), rules);

export class RoleAssignmentDto {
  @IsUUID()
  roleId: string;

  /** Always active at login; cannot be deselected. */
  @IsOptional()
  @IsBoolean()
  fixed?: boolean;

  /** Pre-selected when the user picks roles at login. */
  @IsOptional()
  @IsBoolean()
  default?: boolean;
}

/** What a username may hold (also checked on usernames read from an LDAP directory). */
export const USERNAME_PATTERN = /^[\p{L}\p{N}._@-]+$/u;
export const USERNAME_MAX = 100;

const uuidList = (...extra: PropertyDecorator[]) => all(IsArray(), ...extra, ArrayMaxSize(100), ArrayUnique(), IsUUID('all', { each: true }));
const lowerCase = (email: unknown) => (typeof email === 'string' ? email.toLowerCase() : email);

export const UserFieldRules = {
  username: () => all(IsString(), MinLength(1), MaxLength(USERNAME_MAX), Matches(USERNAME_PATTERN, { message: 'username may hold letters, digits and . _ @ - only' })),
  password: () => all(IsString(), MaxLength(1024)),
  email: () => all(IsEmail(), MaxLength(254)),
  personName: () => all(IsString(), MinLength(1), MaxLength(100)),
  nameAffix: () => all(IsString(), MaxLength(20)),
  middleName: () => all(IsString(), MaxLength(100)),
  birthday: () => IsBirthday(),
  avatar: () => IsAvatar(),
  emails: () => all(IsArray(), ArrayMaxSize(20), ArrayUnique(lowerCase), IsEmail({}, { each: true }), MaxLength(254, { each: true })),
  phone: () => all(IsString(), Matches(PHONE, { message: 'phone may hold digits, spaces and + ( ) . / - only, 3 to 40 characters' })),
  customFields: () => IsCustomFields(),
  enabled: () => IsBoolean(),
  ownerBusinessUnitId: () => IsUUID(),
  organizationIds: () => uuidList(),
  businessUnitIds: () => uuidList(ArrayMinSize(1)),
  groups: () => uuidList(),
  roles: () =>
    all(
      IsArray(),
      ArrayMinSize(1, { message: 'roles must hold at least one role: a user without a role cannot be saved' }),
      ArrayMaxSize(100),
      ValidateNested({ each: true }),
      Type(() => RoleAssignmentDto),
    ),
  securityProfiles: () => all(IsArray(), ArrayMaxSize(100), ArrayUnique(), IsString({ each: true }), MinLength(1, { each: true }), MaxLength(100, { each: true })),
};
