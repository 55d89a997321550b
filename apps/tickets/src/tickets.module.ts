import { Module } from '@nestjs/common';
import { CreateInbox1763800000001, CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, serviceBusModule, ServiceDatabaseModule, SettingsModule } from '@app/service-kit';
import { TicketsFoundation1763800000200 } from './migrations/1763800000200-tickets-foundation';
import { UserSecurityMessageController } from './user-security/user-security.message.controller';
import { TicketUser } from './users/ticket-user.entity';
import { TicketsEvents } from './users/tickets-events';
import { UserMirrorService } from './users/user-mirror.service';

@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'tickets',
      entities: [TicketUser],
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001, TicketsFoundation1763800000200],
    }),
    serviceBusModule('tickets', true),
    HealthModule.forRoot({ database: true }),
  ],
  controllers: [UserSecurityMessageController],
  providers: [UserMirrorService, TicketsEvents],
})
export class TicketsModule {}
