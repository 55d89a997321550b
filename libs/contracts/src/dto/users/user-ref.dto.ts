import { IsUUID } from 'class-validator';

export class UserRefDto {
  @IsUUID()
  userId: string;
}
