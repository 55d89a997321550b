import { IsString, MaxLength, MinLength } from 'class-validator';
import { ChangePasswordDto } from '../users/change-password.dto';

/** `POST /api/auth/password-reset/confirm`: the token from the mailed link and the new password. */
export class ConfirmPasswordResetDto extends ChangePasswordDto {
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  token: string;
}
