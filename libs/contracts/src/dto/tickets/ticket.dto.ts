import { IsIn, IsISO8601, IsString, IsUUID, Matches, MaxLength } from 'class-validator';
import { TICKET_PRIORITIES, TICKET_STATUSES, TICKET_TYPES, TicketPriority, TicketStatus, TicketType } from '../../tickets/ticket-vocabulary';
import { NOT_BLANK } from '../common/common.dto';
import { OptionalNotNull, OptionalNullable } from './optional-not-null';

export const SUBJECT_MAX = 200;
export const DESCRIPTION_MAX = 10_000;

const typeRule = (): PropertyDecorator => IsIn(TICKET_TYPES, { message: `type must be one of ${TICKET_TYPES.join(', ')}` });

const subjectRules = (): PropertyDecorator => (target, key) =>
  [IsString(), MaxLength(SUBJECT_MAX), Matches(NOT_BLANK, { message: 'subject must not be blank' })].forEach((rule) => rule(target, key));

/** The fields a ticket may be created with or changed in, none of them required. */
class TicketDetailsDto {
  @OptionalNullable()
  @IsString()
  @MaxLength(DESCRIPTION_MAX)
  description?: string | null;

  @OptionalNotNull()
  @IsIn(TICKET_PRIORITIES, { message: `priority must be one of ${TICKET_PRIORITIES.join(', ')}` })
  priority?: TicketPriority;

  @OptionalNullable()
  @IsUUID()
  assigneeId?: string | null;

  @OptionalNotNull()
  @IsUUID()
  requesterId?: string;

  @OptionalNullable()
  @IsISO8601({ strict: true }, { message: 'dueDate must be an ISO-8601 date or date-time' })
  dueDate?: string | null;
}

/** `POST /api/tickets` (DESIGN.md section 9); the caller becomes owner and, unless named, requester. */
export class CreateTicketDto extends TicketDetailsDto {
  @typeRule()
  type: TicketType;

  @subjectRules()
  subject: string;
}

/** `PATCH /api/tickets/:id`: the fields to change; status changes only through transitions. */
export class UpdateTicketDto extends TicketDetailsDto {
  @OptionalNotNull()
  @typeRule()
  type?: TicketType;

  @OptionalNotNull()
  @subjectRules()
  subject?: string;
}

export class UpdateTicketPayloadDto extends UpdateTicketDto {
  @IsUUID()
  id: string;
}

/** `POST /api/tickets/:id/transitions`. */
export class TransitionDto {
  @IsIn(TICKET_STATUSES, { message: `to must be one of ${TICKET_STATUSES.join(', ')}` })
  to: TicketStatus;
}

export class TransitionPayloadDto extends TransitionDto {
  @IsUUID()
  id: string;
}

/** `POST /api/tickets/:id/assign-owner`: needs ASSIGN reaching the old and the new owner. */
export class AssignTicketOwnerDto {
  @IsUUID()
  ownerId: string;
}

export class AssignTicketOwnerPayloadDto extends AssignTicketOwnerDto {
  @IsUUID()
  id: string;
}
