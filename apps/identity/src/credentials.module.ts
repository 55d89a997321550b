import { Module } from '@nestjs/common';
import { ApiKeysMessageController } from './api-keys/api-keys.message.controller';
import { ApiKeysService } from './api-keys/api-keys.service';
import { PasswordHasher } from './auth/password-hasher';
import { ExportRunner } from './exports/export-runner';
import { ExportsMessageController } from './exports/exports.message.controller';
import { ExportsService } from './exports/exports.service';
import { InvitationService } from './invitations/invitation.service';
import { Mailer } from './mail/mailer';
import { PasswordResetMessageController } from './password-reset/password-reset.message.controller';
import { PasswordResetService } from './password-reset/password-reset.service';
import { PasswordsMessageController } from './passwords/passwords.message.controller';
import { PasswordsService } from './passwords/passwords.service';

/**
 * Credentials, mail and export (issue 5, part B): administrators' password changes and resets,
 * API keys, invitation mails and the user export. Its tables come with IdentityCredentials1763800002000.
 * It provides the process's one PasswordHasher to IdentityModule too: each instance hashes a decoy at
 * start (argon2id, 19 MiB), and glibc keeps such blocks once freed, so a second one costs resident memory.
 * The Mailer goes with it, for the mail telling a user their account is locked.
 */
@Module({
  controllers: [PasswordsMessageController, PasswordResetMessageController, ApiKeysMessageController, ExportsMessageController],
  providers: [PasswordHasher, Mailer, PasswordsService, PasswordResetService, ApiKeysService, ExportRunner, ExportsService, InvitationService],
  exports: [InvitationService, PasswordHasher, Mailer],
})
export class CredentialsModule {}
