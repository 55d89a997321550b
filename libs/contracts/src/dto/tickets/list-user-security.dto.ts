import { IsIn, IsOptional } from 'class-validator';
import { PageQueryDto } from '../common/common.dto';

export class ListUserSecurityDto extends PageQueryDto {
  @IsOptional()
  @IsIn(['NEW', 'ACTIVE'])
  status?: 'NEW' | 'ACTIVE';
}
