import { Module } from '@nestjs/common';
import { OrganizationsMessageController } from './organizations.message.controller';
import { OrganizationsService } from './organizations.service';

/** Organizations, each created with its root business unit. */
@Module({
  controllers: [OrganizationsMessageController],
  providers: [OrganizationsService],
})
export class OrganizationsModule {}
