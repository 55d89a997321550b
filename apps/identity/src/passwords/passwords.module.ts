import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { PasswordHasher } from './password-hasher';
import { PasswordsMessageController } from './passwords.message.controller';
import { PasswordsService } from './passwords.service';

/**
 * Administrators' password changes, and the process's one PasswordHasher for every module that
 * hashes: each instance hashes a decoy at start (argon2id, 19 MiB), and glibc keeps such blocks once
 * freed, so a second one costs resident memory.
 */
@Module({
  imports: [MailModule],
  controllers: [PasswordsMessageController],
  providers: [PasswordHasher, PasswordsService],
  exports: [PasswordHasher],
})
export class PasswordsModule {}
