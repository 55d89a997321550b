import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { AuthMessageController } from './auth.message.controller';
import { AuthService } from './auth.service';
import { LockoutService } from './lockout.service';

/** Login, sessions and lockout (DESIGN.md section 5). */
@Module({
  imports: [PasswordsModule, MailModule],
  controllers: [AuthMessageController],
  providers: [AuthService, LockoutService],
})
export class AuthModule {}
