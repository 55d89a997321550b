import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { PasswordResetMessageController } from './password-reset.message.controller';
import { PasswordResetService } from './password-reset.service';

/** Password resets by a mailed one-time link. */
@Module({
  imports: [PasswordsModule, MailModule],
  controllers: [PasswordResetMessageController],
  providers: [PasswordResetService],
})
export class PasswordResetModule {}
