import { ArrayMaxSize, ArrayUnique, IsArray, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NAME_MAX, NOT_BLANK } from '../directory/directory-common.dto';
import { OptionalNotNull, OptionalNullable } from './optional-not-null';

/** `POST /api/tickets/security-profiles` (DESIGN.md section 9): matched by exact name against CRM profiles. */
export class CreateTicketSecurityProfileDto {
  @IsString()
  @MaxLength(NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'roleIds must not repeat a role' })
  @IsUUID('all', { each: true, message: 'each of roleIds must be a UUID' })
  roleIds: string[];
}

/** `PATCH /api/tickets/security-profiles/:id`. */
export class UpdateTicketSecurityProfileDto {
  @OptionalNotNull()
  @IsString()
  @MaxLength(NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @OptionalNullable()
  @IsString()
  @MaxLength(1000)
  description?: string | null;

  @OptionalNotNull()
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'roleIds must not repeat a role' })
  @IsUUID('all', { each: true, message: 'each of roleIds must be a UUID' })
  roleIds?: string[];
}

export class UpdateTicketSecurityProfilePayloadDto extends UpdateTicketSecurityProfileDto {
  @IsUUID()
  id: string;
}

/** `PUT /api/tickets/user-security/:userId/roles`: the user's whole set of tickets roles; [] makes it NEW. */
export class AssignTicketRolesDto {
  @IsArray()
  @ArrayMaxSize(100)
  @ArrayUnique({ message: 'roleIds must not repeat a role' })
  @IsUUID('all', { each: true, message: 'each of roleIds must be a UUID' })
  roleIds: string[];
}

export class AssignTicketRolesPayloadDto extends AssignTicketRolesDto {
  @IsUUID()
  userId: string;
}
