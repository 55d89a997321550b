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
}
