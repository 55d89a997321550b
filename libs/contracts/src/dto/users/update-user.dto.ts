import { IsUUID } from 'class-validator';
import { Optional, RoleAssignmentDto, UserFieldRules as Rules } from './user-field-rules';
import { AvatarInput } from './user-fields';

/** The personal fields a user may also edit on their own profile (`PATCH /api/me/profile`). */
export class UpdateProfileDto {
  @Optional(Rules.nameAffix())
  namePrefix?: string | null;

  @Optional(Rules.personName())
  firstName?: string;

  @Optional(Rules.middleName())
  middleName?: string | null;

  @Optional(Rules.personName())
  lastName?: string;

  @Optional(Rules.nameAffix())
  nameSuffix?: string | null;

  @Optional(Rules.birthday())
  birthday?: string | null;

  /** null removes the avatar. */
  @Optional(Rules.avatar())
  avatar?: AvatarInput | null;

  @Optional(Rules.emails())
  emails?: string[];

  @Optional(Rules.phone())
  phone?: string | null;
}

/** `PATCH /api/users/:id`: any field of the user but the password; what is left out stays. */
export class UpdateUserDto extends UpdateProfileDto {
  @Optional(Rules.username())
  username?: string;

  @Optional(Rules.email())
  primaryEmail?: string;

  @Optional(Rules.enabled())
  enabled?: boolean;

  @Optional(Rules.ownerBusinessUnitId())
  ownerBusinessUnitId?: string;

  @Optional(Rules.organizationIds())
  organizationIds?: string[];

  @Optional(Rules.businessUnitIds())
  businessUnitIds?: string[];

  @Optional(Rules.roles())
  roles?: RoleAssignmentDto[];

  @Optional(Rules.securityProfiles())
  securityProfiles?: string[];

  @Optional(Rules.customFields())
  customFields?: Record<string, string | number | boolean>;

  @Optional(Rules.groups())
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
