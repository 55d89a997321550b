import { IsBoolean, IsOptional, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { NOT_BLANK, PageQueryDto } from '../common/common.dto';
import { DESCRIPTION_MAX } from './ticket.dto';

/** `POST /api/tickets/:id/comments`: public unless `internal` (which needs `ticket_internal_comments`). */
export class CreateTicketCommentDto {
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  @Matches(NOT_BLANK, { message: 'body must not be blank' })
  body: string;

  @IsOptional()
  @IsBoolean()
  internal?: boolean;
}

export class CreateTicketCommentPayloadDto extends CreateTicketCommentDto {
  @IsUUID()
  ticketId: string;
}

export class TicketPageQueryPayloadDto extends PageQueryDto {
  @IsUUID()
  ticketId: string;
}

/** `DELETE /api/tickets/:id/comments/:commentId`. */
export class TicketCommentRefPayloadDto {
  @IsUUID()
  ticketId: string;

  @IsUUID()
  commentId: string;
}
