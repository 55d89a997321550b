import { IsOptional, IsUUID } from 'class-validator';
import { NameDto, PageQueryDto } from '../common/common.dto';

/** `POST /api/groups`: a group of users within one organization. */
export class CreateGroupDto extends NameDto {
  @IsUUID()
  organizationId: string;
}

/** `PATCH /api/groups/:id` */
export class RenameGroupDto extends NameDto {}

export class ListGroupsDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
