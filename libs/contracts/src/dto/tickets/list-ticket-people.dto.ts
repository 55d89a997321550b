import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PageQueryDto } from '../common/common.dto';

/**
 * `GET /api/tickets/people`: the ACTIVE, enabled tickets users of the caller's organization, whom a
 * ticket may be assigned or given to; `q` matches username, first or last name (case-insensitive).
 */
export class ListTicketPeopleDto extends PageQueryDto {
  @IsOptional()
  @IsString()
  @MaxLength(100)
  q?: string;
}
