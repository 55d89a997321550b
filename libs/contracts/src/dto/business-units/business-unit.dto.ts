import { IsOptional, IsUUID } from 'class-validator';
import { NameDto, PageQueryDto } from '../common/common.dto';

/** `POST /api/business-units`: a unit below `parentId`, which must belong to `organizationId`. */
export class CreateBusinessUnitDto extends NameDto {
  @IsUUID()
  organizationId: string;

  @IsUUID()
  parentId: string;
}

/** `PATCH /api/business-units/:id` */
export class RenameBusinessUnitDto extends NameDto {}

/** `POST /api/business-units/:id/move` */
export class MoveBusinessUnitDto {
  @IsUUID()
  parentId: string;
}

export class MoveBusinessUnitPayloadDto extends MoveBusinessUnitDto {
  @IsUUID()
  id: string;
}

export class ListBusinessUnitsDto extends PageQueryDto {
  @IsOptional()
  @IsUUID()
  organizationId?: string;
}
