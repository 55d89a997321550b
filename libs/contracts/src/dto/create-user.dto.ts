import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsBoolean,
  IsEmail,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { AvatarInput, PHONE } from './directory/user-fields';
import { IsAvatar, IsBirthday, IsCustomFields } from './directory/rule-decorators';

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

/** `POST /api/users` (DESIGN.md section 9). Business rules (uniqueness, policy) live in identity. */
export class CreateUserDto {
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N}._@-]+$/u, { message: 'username may hold letters, digits and . _ @ - only' })
  username: string;

  @IsString()
  @MaxLength(1024)
  password: string;

  @IsString()
  @MaxLength(1024)
  passwordConfirm: string;

  @IsEmail()
  @MaxLength(254)
  primaryEmail: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName: string;

  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  namePrefix?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  middleName?: string | null;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  nameSuffix?: string | null;

  /** `YYYY-MM-DD`, not in the future. */
  @IsOptional()
  @IsBirthday()
  birthday?: string | null;

  /** An image `{ contentType, dataBase64 }`: PNG, JPEG, GIF or WebP, at most 1 MiB, checked by its bytes. */
  @IsOptional()
  @IsAvatar()
  avatar?: AvatarInput | null;

  /** More email addresses besides the primary one; each belongs to one user only. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique((email: unknown) => (typeof email === 'string' ? email.toLowerCase() : email))
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone may hold digits, spaces and + ( ) . / - only, 3 to 40 characters' })
  phone?: string | null;

  /** Custom fields of the User entity: a flat object of string, number and boolean values. */
  @IsOptional()
  @IsCustomFields()
  customFields?: Record<string, string | number | boolean>;

  /** Ids of groups of the user's organizations. */
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  groups?: string[];

  @IsBoolean()
  enabled: boolean;

  @IsUUID()
  ownerBusinessUnitId: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds: string[];

  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  businessUnitIds: string[];

  @IsArray()
  @ArrayMinSize(1, { message: 'roles must hold at least one role: a user without a role cannot be saved' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentDto)
  roles: RoleAssignmentDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  securityProfiles?: string[];

  /** OroCRM's "Send an email invitation": mailed to the primary email once the user is saved. */
  @IsOptional()
  @IsBoolean()
  sendInvitation?: boolean;
}
