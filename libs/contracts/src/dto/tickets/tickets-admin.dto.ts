import { ArrayMaxSize, ArrayUnique, IsArray, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NAME_MAX, NOT_BLANK } from '../common/common.dto';
import { CreateSecurityProfileDto } from '../security-profiles/security-profile.dto';
import { OptionalNotNull, OptionalNullable } from './optional-not-null';

const roleIdsRules = (): PropertyDecorator => (target, key) =>
  [
    IsArray(),
    ArrayMaxSize(100),
    ArrayUnique({ message: 'roleIds must not repeat a role' }),
    IsUUID('all', { each: true, message: 'each of roleIds must be a UUID' }),
  ].forEach((rule) => rule(target, key));

/** `POST /api/tickets/security-profiles` (DESIGN.md section 9): a CRM-style profile with its tickets roles, matched by exact name. */
export class CreateTicketSecurityProfileDto extends CreateSecurityProfileDto {
  @roleIdsRules()
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
  @roleIdsRules()
  roleIds?: string[];
}

export class UpdateTicketSecurityProfilePayloadDto extends UpdateTicketSecurityProfileDto {
  @IsUUID()
  id: string;
}

/** `PUT /api/tickets/user-security/:userId/roles`: the user's whole set of tickets roles; [] makes it NEW. */
export class AssignTicketRolesDto {
  @roleIdsRules()
  roleIds: string[];
}

export class AssignTicketRolesPayloadDto extends AssignTicketRolesDto {
  @IsUUID()
  userId: string;
}
