import { ArrayMaxSize, ArrayMinSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** `POST /api/users/password-reset` (many) and the RPC payload of both reset routes. */
export class ResetPasswordsDto {
  @IsArray()
  @ArrayMinSize(1, { message: 'userIds must name at least one user' })
  @ArrayMaxSize(500)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  userIds: string[];
}
