import { Module } from '@nestjs/common';
import { PasswordsModule } from '../passwords/passwords.module';
import { UsersModule } from '../users/users.module';
import { FirstStartService } from './first-start.service';

/** Seeds the first organization and administrator on an empty database. */
@Module({
  imports: [UsersModule, PasswordsModule],
  providers: [FirstStartService],
})
export class FirstStartModule {}
