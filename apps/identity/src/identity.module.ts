import { Module } from '@nestjs/common';
import { CreateOutbox1763800000000 } from '@app/bus';
import { HealthModule, MetricsModule, serviceBusModule, SettingsModule, TracingModule } from '@app/service-kit';
import { CreateIdempotencyKeys1763800009000, IdempotencyKeysPurge, ServiceDatabaseModule } from '@app/service-kit/database';
import { AccessModule } from './access/access.module';
import { ApiKeysModule } from './api-keys/api-keys.module';
import { AuthModule } from './auth/auth.module';
import { Session } from './auth/session.entity';
import { BusinessUnit } from './business-units/business-unit.entity';
import { BusinessUnitsModule } from './business-units/business-units.module';
import { ConfigurationModule } from './configuration/configuration.module';
import { OrganizationConfiguration } from './configuration/organization-configuration.entity';
import { RoleConfiguration } from './configuration/role-configuration.entity';
import { UserConfiguration } from './configuration/user-configuration.entity';
import { ExplainModule } from './explain/explain.module';
import { ExportsModule } from './exports/exports.module';
import { FirstStartModule } from './first-start/first-start.module';
import { Group, UserGroup } from './groups/group.entity';
import { GroupsModule } from './groups/groups.module';
import { LdapDirectory } from './ldap/ldap-directory.entity';
import { LdapFoundationModule } from './ldap/ldap-foundation.module';
import { LdapModule } from './ldap/ldap.module';
import { MailModule } from './mail/mail.module';
import { IdentityFoundation1763800000100 } from './migrations/1763800000100-identity-foundation';
import { SessionRoleRefresh1763800000900 } from './migrations/1763800000900-session-role-refresh';
import { IdentityDirectory1763800001000 } from './migrations/1763800001000-identity-directory';
import { IdentityCredentials1763800002000 } from './migrations/1763800002000-identity-credentials';
import { RolesPerOrganization1763800004000 } from './migrations/1763800004000-roles-per-organization';
import { LdapDirectories1763800004500 } from './migrations/1763800004500-ldap-directories';
import { LockoutModes1763800004100 } from './migrations/1763800004100-lockout-modes';
import { ExportScope1763800004200 } from './migrations/1763800004200-export-scope';
import { RoleNamesIgnoreCase1763800004400 } from './migrations/1763800004400-role-names-ignore-case';
import { ConfigurationByRole1763800004700 } from './migrations/1763800004700-configuration-by-role';
import { TicketEntitiesLeaveIdentity1763800004300 } from './migrations/1763800004300-ticket-entities-leave-identity';
import { Organization } from './organizations/organization.entity';
import { OrganizationsModule } from './organizations/organizations.module';
import { PasswordResetModule } from './password-reset/password-reset.module';
import { PasswordsModule } from './passwords/passwords.module';
import { Role } from './roles/role.entity';
import { RolesModule } from './roles/roles.module';
import { SecurityProfile } from './security-profiles/security-profile.entity';
import { SecurityProfilesModule } from './security-profiles/security-profiles.module';
import { UserAvatar } from './users/user-avatar.entity';
import { UserRole } from './users/user-role.entity';
import { User } from './users/user.entity';
import { UsersModule } from './users/users.module';

/** The identity service: one module per resource folder, on one database and one bus connection. */
@Module({
  imports: [
    SettingsModule,
    ServiceDatabaseModule.forService({
      service: 'identity',
      entities: [Organization, BusinessUnit, Role, User, UserRole, Session, SecurityProfile, Group, UserGroup, UserAvatar, UserConfiguration, OrganizationConfiguration, RoleConfiguration, LdapDirectory],
      migrations: [CreateOutbox1763800000000, IdentityFoundation1763800000100, SessionRoleRefresh1763800000900, IdentityDirectory1763800001000, IdentityCredentials1763800002000, RolesPerOrganization1763800004000, LockoutModes1763800004100, ExportScope1763800004200, TicketEntitiesLeaveIdentity1763800004300, RoleNamesIgnoreCase1763800004400, LdapDirectories1763800004500, ConfigurationByRole1763800004700, CreateIdempotencyKeys1763800009000],
    }),
    serviceBusModule('identity', true),
    HealthModule.forRoot({ database: true }),
    MetricsModule.forRoot({ database: true }),
    TracingModule,
    AccessModule,
    MailModule,
    LdapFoundationModule,
    PasswordsModule,
    PasswordResetModule,
    AuthModule,
    ApiKeysModule,
    UsersModule,
    OrganizationsModule,
    BusinessUnitsModule,
    RolesModule,
    SecurityProfilesModule,
    GroupsModule,
    ConfigurationModule,
    ExportsModule,
    LdapModule,
    ExplainModule,
    FirstStartModule,
  ],
  providers: [IdempotencyKeysPurge],
})
export class IdentityModule {}
