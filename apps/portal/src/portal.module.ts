import { Module } from '@nestjs/common';
import { CreateInbox1763800000001, CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, serviceBusModule, ServiceDatabaseModule, SettingsModule } from '@app/service-kit';
import { PortalAccessMessageController } from './access/portal-access.message.controller';
import { PortalAccessService } from './access/portal-access.service';
import { UserCreatedEventHandler } from './access/user-created.event-handler';
import { PortalUserAccess } from './access/portal-user-access.entity';
import { PortalFoundation1763800000300 } from './migrations/1763800000300-portal-foundation';

@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'portal',
      entities: [PortalUserAccess],
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001, PortalFoundation1763800000300],
    }),
    serviceBusModule('portal', true),
    HealthModule.forRoot({ database: true }),
  ],
  controllers: [PortalAccessMessageController],
  providers: [PortalAccessService, UserCreatedEventHandler],
})
export class PortalModule {}
