import { Module } from '@nestjs/common';
import { CreateInbox1763800000001, CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, MetricsModule, serviceBusModule, SettingsModule, TracingModule } from '@app/service-kit';
import { CreateIdempotencyKeys1763800009000, IdempotencyKeysPurge, ServiceDatabaseModule } from '@app/service-kit/database';
import { AccessProfilesMessageController } from './access/access-profiles.message.controller';
import { AccessProfilesService } from './access/access-profiles.service';
import { PortalAccessMessageController } from './access/portal-access.message.controller';
import { PortalAccessService } from './access/portal-access.service';
import { PortalUserAccess } from './access/portal-user-access.entity';
import { UserEventsHandler } from './access/user-events.event-handler';
import { AccountMessageController } from './account/account.message.controller';
import { PaymentsService } from './account/payments.service';
import { PortalFoundation1763800000300 } from './migrations/1763800000300-portal-foundation';
import { PortalClientPortal1763800000400 } from './migrations/1763800000400-portal-client-portal';
import { ModulesService } from './modules/modules.service';

@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'portal',
      entities: [PortalUserAccess],
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001, PortalFoundation1763800000300, PortalClientPortal1763800000400, CreateIdempotencyKeys1763800009000],
    }),
    serviceBusModule('portal', true),
    HealthModule.forRoot({ database: true }),
    MetricsModule.forRoot({ database: true }),
    TracingModule,
  ],
  controllers: [PortalAccessMessageController, AccessProfilesMessageController, AccountMessageController],
  providers: [IdempotencyKeysPurge, PortalAccessService, AccessProfilesService, UserEventsHandler, PaymentsService, ModulesService],
})
export class PortalModule {}
