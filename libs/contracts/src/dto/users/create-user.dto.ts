import { IsBoolean, IsOptional } from 'class-validator';
import { AvatarInput } from './user-fields';
import { Optional, RoleAssignmentDto, UserFieldRules as Rules } from './user-field-rules';

export { RoleAssignmentDto };

/** `POST /api/users` (DESIGN.md section 9). Business rules (uniqueness, policy) live in identity. */
export class CreateUserDto {
  @Rules.username()
  username: string;

  @Rules.password()
  password: string;

  @Rules.password()
  passwordConfirm: string;

  @Rules.email()
  primaryEmail: string;

  @Rules.personName()
  firstName: string;

  @Rules.personName()
  lastName: string;

  @Optional(Rules.nameAffix())
  namePrefix?: string | null;

  @Optional(Rules.middleName())
  middleName?: string | null;

  @Optional(Rules.nameAffix())
  nameSuffix?: string | null;

  /** `YYYY-MM-DD`, not in the future. */
  @Optional(Rules.birthday())
  birthday?: string | null;

  /** An image `{ contentType, dataBase64 }`: PNG, JPEG, GIF or WebP, at most 1 MiB, checked by its bytes. */
  @Optional(Rules.avatar())
  avatar?: AvatarInput | null;

  /** More email addresses besides the primary one; each belongs to one user only. */
  @Optional(Rules.emails())
  emails?: string[];

  @Optional(Rules.phone())
  phone?: string | null;

  /** Custom fields of the User entity: a flat object of string, number and boolean values. */
  @Optional(Rules.customFields())
  customFields?: Record<string, string | number | boolean>;

  /** Ids of groups of the user's organizations. */
  @Optional(Rules.groups())
  groups?: string[];

  @Rules.enabled()
  enabled: boolean;

  @Rules.ownerBusinessUnitId()
  ownerBusinessUnitId: string;

  @Rules.organizationIds()
  organizationIds: string[];

  @Rules.businessUnitIds()
  businessUnitIds: string[];

  @Rules.roles()
  roles: RoleAssignmentDto[];

  @Optional(Rules.securityProfiles())
  securityProfiles?: string[];

  /** OroCRM's "Send an email invitation": mailed to the primary email once the user is saved. */
  @IsOptional()
  @IsBoolean()
  sendInvitation?: boolean;
}
