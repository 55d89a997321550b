import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, TicketPriority, TicketStatus } from '../../tickets/ticket-vocabulary';
import { NOT_BLANK, PageQueryDto } from '../common/common.dto';
import { DESCRIPTION_MAX, SUBJECT_MAX } from './ticket.dto';
import { OptionalNotNull } from './optional-not-null';

/** `tickets.service-requests.create`: a portal user's service request for their client account. */
export class CreateServiceRequestDto {
  @IsString()
  @MaxLength(SUBJECT_MAX)
  @Matches(NOT_BLANK, { message: 'subject must not be blank' })
  subject: string;

  @IsOptional()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string;

  @OptionalNotNull()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;
}

/** `tickets.service-requests.list`: the account's service requests, newest first. */
export class ListServiceRequestsDto extends PageQueryDto {
  @IsOptional()
  @IsIn(TICKET_STATUSES)
  status?: TicketStatus;
}
