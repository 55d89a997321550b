import { Module } from '@nestjs/common';
import { MailModule } from '../mail/mail.module';
import { PasswordsModule } from '../passwords/passwords.module';
import { ProfileMessageController } from './profile.message.controller';
import { UserAccountsService } from './user-accounts.service';
import { UsersMessageController } from './users.message.controller';
import { UsersService } from './users.service';

/** Users: create, list, view, edit, enable, disable, activate, avatar, and the caller's own profile. */
@Module({
  imports: [PasswordsModule, MailModule],
  controllers: [UsersMessageController, ProfileMessageController],
  providers: [UsersService, UserAccountsService],
  exports: [UsersService],
})
export class UsersModule {}
