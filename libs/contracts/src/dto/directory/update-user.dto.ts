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
import { RoleAssignmentDto } from '../create-user.dto';
import { IsAvatar, IsBirthday, IsCustomFields } from './rule-decorators';
import { AvatarInput, PHONE } from './user-fields';

const lowerCase = (email: unknown) => (typeof email === 'string' ? email.toLowerCase() : email);

/** The personal fields a user may also edit on their own profile (`PATCH /api/me/profile`). */
export class UpdateProfileDto {
  @IsOptional()
  @IsString()
  @MaxLength(20)
  namePrefix?: string | null;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  firstName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  middleName?: string | null;

  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  lastName?: string;

  @IsOptional()
  @IsString()
  @MaxLength(20)
  nameSuffix?: string | null;

  @IsOptional()
  @IsBirthday()
  birthday?: string | null;

  /** null removes the avatar. */
  @IsOptional()
  @IsAvatar()
  avatar?: AvatarInput | null;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @ArrayUnique(lowerCase)
  @IsEmail({}, { each: true })
  @MaxLength(254, { each: true })
  emails?: string[];

  @IsOptional()
  @IsString()
  @Matches(PHONE, { message: 'phone may hold digits, spaces and + ( ) . / - only, 3 to 40 characters' })
  phone?: string | null;
}

/** `PATCH /api/users/:id`: any field of the user but the password; what is left out stays. */
export class UpdateUserDto extends UpdateProfileDto {
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(100)
  @Matches(/^[\p{L}\p{N}._@-]+$/u, { message: 'username may hold letters, digits and . _ @ - only' })
  username?: string;

  @IsOptional()
  @IsEmail()
  @MaxLength(254)
  primaryEmail?: string;

  @IsOptional()
  @IsBoolean()
  enabled?: boolean;

  @IsOptional()
  @IsUUID()
  ownerBusinessUnitId?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  organizationIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  businessUnitIds?: string[];

  @IsOptional()
  @IsArray()
  @ArrayMinSize(1, { message: 'roles must hold at least one role: a user without a role cannot be saved' })
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => RoleAssignmentDto)
  roles?: RoleAssignmentDto[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsString({ each: true })
  @MinLength(1, { each: true })
  @MaxLength(100, { each: true })
  securityProfiles?: string[];

  @IsOptional()
  @IsCustomFields()
  customFields?: Record<string, string | number | boolean>;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  groups?: string[];
}

export class UpdateUserPayloadDto extends UpdateUserDto {
  @IsUUID()
  id: string;
}

export class UpdateProfilePayloadDto extends UpdateProfileDto {
  @IsUUID()
  userId: string;
}
