import { Module } from '@nestjs/common';
import { CreateInbox1763800000001, CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, MetricsModule, serviceBusModule, SettingsModule, TracingModule } from '@app/service-kit';
import { CreateIdempotencyKeys1763800009000, IdempotencyKeysPurge, ServiceDatabaseModule } from '@app/service-kit/database';
import { TicketAccessService } from './access/ticket-access.service';
import { BusinessUnitMirrorService } from './business-units/business-unit-mirror.service';
import { TicketBusinessUnit } from './business-units/ticket-business-unit.entity';
import { TicketExplainMessageController } from './explain/ticket-explain.message.controller';
import { TicketExplainService } from './explain/ticket-explain.service';
import { TicketsFirstStartService } from './first-start/tickets-first-start.service';
import { TicketsFoundation1763800000200 } from './migrations/1763800000200-tickets-foundation';
import { TicketsCore1763800003000 } from './migrations/1763800003000-tickets-core';
import { TicketDeletion1763800005000 } from './migrations/1763800005000-ticket-deletion';
import { TicketsAccessMessageController } from './access/tickets-access.message.controller';
import { TicketsEscalation } from './access/tickets-escalation';
import { TicketRole } from './roles/ticket-role.entity';
import { TicketRolesMessageController } from './roles/ticket-roles.message.controller';
import { TicketRolesService } from './roles/ticket-roles.service';
import { TicketSecurityProfile } from './security-profiles/ticket-security-profile.entity';
import { TicketSecurityProfilesMessageController } from './security-profiles/ticket-security-profiles.message.controller';
import { TicketSecurityProfilesService } from './security-profiles/ticket-security-profiles.service';
import { ServiceRequestsMessageController } from './service-requests/service-requests.message.controller';
import { ServiceRequestsService } from './service-requests/service-requests.service';
import { TicketCommentsMessageController } from './tickets/ticket-comments.message.controller';
import { TicketCommentsService } from './tickets/ticket-comments.service';
import { TicketComment } from './tickets/ticket-comment.entity';
import { TicketHistory } from './tickets/ticket-history.entity';
import { TicketHistoryService } from './tickets/ticket-history.service';
import { Ticket } from './tickets/ticket.entity';
import { TicketsMessageController } from './tickets/tickets.message.controller';
import { TicketsService } from './tickets/tickets.service';
import { UserSecurityMessageController } from './user-security/user-security.message.controller';
import { UserSecurityService } from './user-security/user-security.service';
import { TicketUser } from './users/ticket-user.entity';
import { TicketPeopleMessageController } from './people/ticket-people.message.controller';
import { TicketPeopleService } from './people/ticket-people.service';
import { IdentityEventsHandler } from './identity-events.event-handler';
import { UserMirrorService } from './users/user-mirror.service';

@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'tickets',
      entities: [TicketUser, TicketBusinessUnit, TicketRole, TicketSecurityProfile, Ticket, TicketComment, TicketHistory],
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001, TicketsFoundation1763800000200, TicketsCore1763800003000, TicketDeletion1763800005000, CreateIdempotencyKeys1763800009000],
    }),
    serviceBusModule('tickets', true),
    HealthModule.forRoot({ database: true }),
    MetricsModule.forRoot({ database: true }),
    TracingModule,
  ],
  controllers: [
    TicketsAccessMessageController,
    UserSecurityMessageController,
    TicketRolesMessageController,
    TicketSecurityProfilesMessageController,
    TicketsMessageController,
    TicketCommentsMessageController,
    TicketPeopleMessageController,
    ServiceRequestsMessageController,
    TicketExplainMessageController,
  ],
  providers: [
    IdempotencyKeysPurge,
    UserMirrorService,
    BusinessUnitMirrorService,
    IdentityEventsHandler,
    TicketsFirstStartService,
    TicketAccessService,
    TicketsEscalation,
    TicketRolesService,
    TicketSecurityProfilesService,
    UserSecurityService,
    TicketsService,
    TicketCommentsService,
    TicketHistoryService,
    TicketPeopleService,
    ServiceRequestsService,
    TicketExplainService,
  ],
})
export class TicketsModule {}
