import { Module } from '@nestjs/common';
import { GroupsMessageController } from './groups.message.controller';
import { GroupsService } from './groups.service';

/** User groups, one organization each. */
@Module({
  controllers: [GroupsMessageController],
  providers: [GroupsService],
})
export class GroupsModule {}
