import { IsString, IsUUID, MaxLength } from 'class-validator';

/** `POST /api/users/:id/password`; the policy itself is checked in identity. */
export class ChangePasswordDto {
  @IsString()
  @MaxLength(1024)
  password: string;

  @IsString()
  @MaxLength(1024)
  passwordConfirm: string;
}

/** The RPC payload: the body plus the user it is for. */
export class UserPasswordChangeDto extends ChangePasswordDto {
  @IsUUID()
  userId: string;
}
