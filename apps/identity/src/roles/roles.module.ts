import { Module } from '@nestjs/common';
import { RolesMessageController } from './roles.message.controller';
import { RolesService } from './roles.service';

/** Role definitions, checked against the suite's ACL catalogue. */
@Module({
  controllers: [RolesMessageController],
  providers: [RolesService],
})
export class RolesModule {}
