import { ArrayMaxSize, IsArray, IsBoolean, IsInt, IsOptional, IsString, IsUUID, Matches, Max, MaxLength, Min } from 'class-validator';
import { NOT_BLANK, PageQueryDto } from '../common/common.dto';

/**
 * `POST /api/roles` and `PUT /api/roles/:id` (DESIGN.md section 9). Only the shape is checked here;
 * each permission, capability and field permission is checked by libs/acl `validateRole`.
 */
export class RoleBodyDto {
  @IsString()
  @MaxLength(100)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  @Matches(/^[^,]*$/, { message: 'name must not contain a comma (login selects roles as a comma-separated list)' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(255)
  label?: string;

  @IsOptional()
  @IsBoolean()
  readOnly?: boolean;

  /**
   * The organization the role belongs to; null: system-wide (needs GLOBAL). Left out on create: the
   * creator's current organization, or system-wide for a GLOBAL creator. It cannot change later.
   */
  @IsOptional()
  @IsUUID()
  organizationId?: string | null;

  @IsArray()
  @ArrayMaxSize(500)
  permissions: unknown[];

  @IsArray()
  @ArrayMaxSize(100)
  capabilities: unknown[];

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(2000)
  fieldPermissions?: unknown[];
}

export class UpdateRolePayloadDto extends RoleBodyDto {
  @IsUUID()
  id: string;
}

export const ROLE_PRIORITY_MIN = -1000;
export const ROLE_PRIORITY_MAX = 1000;

/**
 * An identity role's body: tickets' roles have no configuration, so only identity's take a priority.
 * The priority orders the configurations of a session's roles (the highest wins). Left out: 0 on
 * create, unchanged on update (so a client that does not know it never resets it).
 */
export class IdentityRoleBodyDto extends RoleBodyDto {
  @IsOptional()
  @IsInt()
  @Min(ROLE_PRIORITY_MIN)
  @Max(ROLE_PRIORITY_MAX)
  priority?: number;
}

export class UpdateIdentityRolePayloadDto extends IdentityRoleBodyDto {
  @IsUUID()
  id: string;
}

export class ListRolesDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
