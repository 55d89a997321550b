import { IsUUID } from 'class-validator';
import { UserFieldRules as Rules } from './user-field-rules';

/** `POST /api/users/:id/password`; the policy itself is checked in identity. */
export class ChangePasswordDto {
  @Rules.password()
  password: string;

  @Rules.password()
  passwordConfirm: string;
}

/** The RPC payload: the body plus the user it is for. */
export class UserPasswordChangeDto extends ChangePasswordDto {
  @IsUUID()
  userId: string;
}
