import { Module } from '@nestjs/common';
import { UsersModule } from '../users/users.module';
import { LdapDirectoriesService } from './ldap-directories.service';
import { LdapFoundationModule } from './ldap-foundation.module';
import { LdapImportRunner } from './ldap-import-runner';
import { LdapImportsService } from './ldap-imports.service';
import { LdapMessageController } from './ldap.message.controller';

/** LDAP directories per organization (OroCRM EE): configuration, "Test connection", and imports. */
@Module({
  imports: [LdapFoundationModule, UsersModule],
  controllers: [LdapMessageController],
  providers: [LdapDirectoriesService, LdapImportsService, LdapImportRunner],
})
export class LdapModule {}
