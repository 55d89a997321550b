import { Module } from '@nestjs/common';
import { CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, serviceBusModule, ServiceDatabaseModule, SettingsModule } from '@app/service-kit';
import { AccessModule } from './access/access.module';
import { AuthMessageController } from './auth/auth.message.controller';
import { AuthService } from './auth/auth.service';
import { LockoutService } from './auth/lockout.service';
import { CredentialsModule } from './credentials.module';
import { DirectoryModule } from './directory.module';
import { UserConfiguration } from './configuration/user-configuration.entity';
import { Group, UserGroup } from './groups/group.entity';
import { IdentityDirectory1763800001000 } from './migrations/1763800001000-identity-directory';
import { SecurityProfile } from './security-profiles/security-profile.entity';
import { UserAvatar } from './users/user-avatar.entity';
import { Session } from './auth/session.entity';
import { FirstStartService } from './first-start/first-start.service';
import { IdentityFoundation1763800000100 } from './migrations/1763800000100-identity-foundation';
import { IdentityCredentials1763800002000 } from './migrations/1763800002000-identity-credentials';
import { RolesPerOrganization1763800004000 } from './migrations/1763800004000-roles-per-organization';
import { LockoutModes1763800004100 } from './migrations/1763800004100-lockout-modes';
import { ExportScope1763800004200 } from './migrations/1763800004200-export-scope';
import { TicketEntitiesLeaveIdentity1763800004300 } from './migrations/1763800004300-ticket-entities-leave-identity';
import { SessionRoleRefresh1763800000900 } from './migrations/1763800000900-session-role-refresh';
import { BusinessUnit } from './organizations/business-unit.entity';
import { Organization } from './organizations/organization.entity';
import { Role } from './roles/role.entity';
import { UserRole } from './users/user-role.entity';
import { User } from './users/user.entity';
import { UsersMessageController } from './users/users.message.controller';
import { UsersService } from './users/users.service';

@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'identity',
      entities: [Organization, BusinessUnit, Role, User, UserRole, Session, SecurityProfile, Group, UserGroup, UserAvatar, UserConfiguration],
      migrations: [CreateOutbox1763800000000, IdentityFoundation1763800000100, SessionRoleRefresh1763800000900, IdentityDirectory1763800001000, IdentityCredentials1763800002000, RolesPerOrganization1763800004000, LockoutModes1763800004100, ExportScope1763800004200, TicketEntitiesLeaveIdentity1763800004300],
    }),
    serviceBusModule('identity', true),
    HealthModule.forRoot({ database: true }),
    AccessModule,
    CredentialsModule,
    DirectoryModule,
  ],
  controllers: [AuthMessageController, UsersMessageController],
  // PasswordHasher comes from CredentialsModule: one instance, one decoy hash.
  providers: [AuthService, LockoutService, UsersService, FirstStartService],
})
export class IdentityModule {}
