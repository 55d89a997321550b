import { Module } from '@nestjs/common';
import { ConfigurationMessageController } from './configuration.message.controller';
import { ConfigurationService } from './configuration.service';
import { LayerConfigurationMessageController } from './layer-configuration.message.controller';
import { OrganizationConfigurationService } from './organization-configuration.service';
import { RoleConfigurationService } from './role-configuration.service';
import { SessionConfigurationService } from './session-configuration.service';

/** Configuration along its tree: system defaults, organizations, roles, and per-user settings per organization. */
@Module({
  controllers: [ConfigurationMessageController, LayerConfigurationMessageController],
  providers: [ConfigurationService, OrganizationConfigurationService, RoleConfigurationService, SessionConfigurationService],
})
export class ConfigurationModule {}
