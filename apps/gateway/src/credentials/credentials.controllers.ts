import { ApiKeysHttpController } from './api-keys.http.controller';
import { PasswordResetConfirmHttpController } from './password-reset-confirm.http.controller';
import { UserPasswordsHttpController } from './user-passwords.http.controller';
import { ExportsHttpController } from '../exports/exports.http.controller';

/** The routes of issue 5 part B (credentials, export), listed once for GATEWAY_CONTROLLERS. */
export const CREDENTIALS_CONTROLLERS = [UserPasswordsHttpController, PasswordResetConfirmHttpController, ApiKeysHttpController, ExportsHttpController];
