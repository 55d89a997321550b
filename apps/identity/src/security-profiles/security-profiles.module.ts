import { Module } from '@nestjs/common';
import { SecurityProfilesMessageController } from './security-profiles.message.controller';
import { SecurityProfilesService } from './security-profiles.service';

/** Named security profiles users hold; tickets matches its own profiles by these names. */
@Module({
  controllers: [SecurityProfilesMessageController],
  providers: [SecurityProfilesService],
})
export class SecurityProfilesModule {}
