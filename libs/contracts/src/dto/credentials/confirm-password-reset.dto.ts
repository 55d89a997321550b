import { IsString, MaxLength, MinLength } from 'class-validator';

/** `POST /api/auth/password-reset/confirm`: the token from the mailed link and the new password. */
export class ConfirmPasswordResetDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;

  @IsString()
  @MaxLength(1024)
  password: string;

  @IsString()
  @MaxLength(1024)
  passwordConfirm: string;
}
