import { Module } from '@nestjs/common';
import { ConfigurationMessageController } from './configuration.message.controller';
import { ConfigurationService } from './configuration.service';

/** Per-user settings per organization. */
@Module({
  controllers: [ConfigurationMessageController],
  providers: [ConfigurationService],
})
export class ConfigurationModule {}
