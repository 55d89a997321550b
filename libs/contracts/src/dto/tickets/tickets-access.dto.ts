import { IsUUID } from 'class-validator';

/** `tickets.access.get`: what the gateway compiles a user's tickets subject from, in one organization. */
export class TicketsAccessQueryDto {
  @IsUUID()
  userId: string;

  @IsUUID()
  organizationId: string;
}
