import { Module } from '@nestjs/common';
import { ApiKeysMessageController } from './api-keys.message.controller';
import { ApiKeysService } from './api-keys.service';

/** API keys a user logs in with instead of a password (DESIGN.md section 5). */
@Module({
  controllers: [ApiKeysMessageController],
  providers: [ApiKeysService],
})
export class ApiKeysModule {}
