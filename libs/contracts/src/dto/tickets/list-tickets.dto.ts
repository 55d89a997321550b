import { IsIn, IsISO8601, IsOptional, IsString, IsUUID, MaxLength } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, TicketPriority, TicketStatus, TicketType } from '../../tickets/ticket-vocabulary';
import { PageQueryDto } from '../common/common.dto';

export const TICKET_SORTS = ['createdAt', 'updatedAt', 'dueDate', 'priority', 'status', 'subject'] as const;

/** `GET /api/tickets`: filters, sort and page; the answer counts only tickets in the caller's scope. */
export class ListTicketsDto extends PageQueryDto {
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;

  @IsOptional()
  @IsIn(TICKET_TYPES)
  type?: TicketType;

  @IsOptional()
  @IsIn(TICKET_PRIORITIES)
  priority?: TicketPriority;

  @IsOptional()
  @IsUUID()
  assigneeId?: string;

  @IsOptional()
  @IsUUID()
  requesterId?: string;

  /** Case-insensitive text in subject or description. */
  @IsOptional()
  @IsString()
  @MaxLength(200)
  q?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  dueBefore?: string;

  @IsOptional()
  @IsISO8601({ strict: true })
  dueAfter?: string;

  @IsOptional()
  @IsIn(TICKET_SORTS)
  sort?: (typeof TICKET_SORTS)[number];

  @IsOptional()
  @IsIn(['asc', 'desc'])
  order?: 'asc' | 'desc';
}
