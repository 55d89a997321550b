import { Module } from '@nestjs/common';
import { BusinessUnitsMessageController } from './business-units/business-units.message.controller';
import { BusinessUnitsService } from './business-units/business-units.service';
import { ConfigurationMessageController } from './configuration/configuration.message.controller';
import { ConfigurationService } from './configuration/configuration.service';
import { GroupsMessageController } from './groups/groups.message.controller';
import { GroupsService } from './groups/groups.service';
import { OrganizationsMessageController } from './organizations/organizations.message.controller';
import { OrganizationsService } from './organizations/organizations.service';
import { RolesMessageController } from './roles/roles.message.controller';
import { RolesService } from './roles/roles.service';
import { SecurityProfilesMessageController } from './security-profiles/security-profiles.message.controller';
import { SecurityProfilesService } from './security-profiles/security-profiles.service';
import { UserDirectoryMessageController } from './users/user-directory.message.controller';
import { UserDirectoryService } from './users/user-directory.service';

/** Issue 5, part A: organizations, business units, roles, security profiles, groups, users, configuration. */
@Module({
  controllers: [
    OrganizationsMessageController,
    BusinessUnitsMessageController,
    RolesMessageController,
    SecurityProfilesMessageController,
    GroupsMessageController,
    UserDirectoryMessageController,
    ConfigurationMessageController,
  ],
  providers: [OrganizationsService, BusinessUnitsService, RolesService, SecurityProfilesService, GroupsService, UserDirectoryService, ConfigurationService],
})
export class DirectoryModule {}
