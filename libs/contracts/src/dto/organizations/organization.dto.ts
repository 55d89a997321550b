import { IsOptional, IsString, MaxLength } from 'class-validator';
import { NameDto, PageQueryDto } from '../common/common.dto';

/** `POST /api/organizations`; its root business unit is created with it, under the same name. */
export class CreateOrganizationDto extends NameDto {}

/** `PATCH /api/organizations/:id` */
export class RenameOrganizationDto extends NameDto {}

export class ListOrganizationsDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
