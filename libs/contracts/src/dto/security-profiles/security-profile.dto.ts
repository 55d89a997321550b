import { IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NAME_MAX, NOT_BLANK, PageQueryDto } from '../common/common.dto';

/** `POST /api/security-profiles`: users name profiles; tickets matches them by name (DESIGN.md section 6). */
export class CreateSecurityProfileDto {
  @IsString()
  @MaxLength(NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;
}

/** `PATCH /api/security-profiles/:id`: a rename is carried to every user holding the profile. */
export class UpdateSecurityProfileDto {
  @IsOptional()
  @IsString()
  @MaxLength(NAME_MAX)
  @Matches(NOT_BLANK, { message: 'name must not be blank' })
  name?: string;

  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string | null;
}

export class UpdateSecurityProfilePayloadDto extends UpdateSecurityProfileDto {
  @IsUUID()
  id: string;
}

export class ListSecurityProfilesDto extends PageQueryDto {}
