import { IsUUID } from 'class-validator';

export class SessionRefDto {
  @IsUUID()
  sessionId: string;
}
