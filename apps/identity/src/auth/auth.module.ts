import { Module } from '@nestjs/common';
import { LdapFoundationModule } from '../ldap/ldap-foundation.module';
import { MailModule } from '../mail/mail.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { AuthMessageController } from './auth.message.controller';
import { AuthService } from './auth.service';
import { DirectoryCredentials } from './directory-credentials';
import { LockoutService } from './lockout.service';

/** Login, sessions and lockout (DESIGN.md section 5). */
@Module({
  imports: [PasswordsModule, MailModule, LdapFoundationModule],
  controllers: [AuthMessageController],
  providers: [AuthService, LockoutService, DirectoryCredentials],
})
export class AuthModule {}
