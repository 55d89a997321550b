import { AclExplainHttpController } from './acl/acl-explain.http.controller';
import { AuthHttpController } from './auth/auth.http.controller';
import { PasswordResetConfirmHttpController } from './auth/password-reset-confirm.http.controller';
import { BusinessUnitsHttpController } from './business-units/business-units.http.controller';
import { ExportsHttpController } from './exports/exports.http.controller';
import { GroupsHttpController } from './groups/groups.http.controller';
import { LdapDirectoriesHttpController } from './ldap/ldap-directories.http.controller';
import { MeHttpController } from './me/me.http.controller';
import { MyProfileHttpController } from './me/my-profile.http.controller';
import { SessionChoicesHttpController } from './me/session-choices.http.controller';
import { OrganizationConfigurationHttpController } from './organizations/organization-configuration.http.controller';
import { OrganizationsHttpController } from './organizations/organizations.http.controller';
import { PortalAccessHttpController } from './portal/portal-access.http.controller';
import { PortalAccountHttpController } from './portal/portal-account.http.controller';
import { PortalTicketsHttpController } from './portal/portal-tickets.http.controller';
import { PortalHttpController } from './portal/portal.http.controller';
import { RoleConfigurationHttpController } from './roles/role-configuration.http.controller';
import { RolesHttpController } from './roles/roles.http.controller';
import { SecurityProfilesHttpController } from './security-profiles/security-profiles.http.controller';
import { TicketRolesHttpController } from './ticket-roles/ticket-roles.http.controller';
import { TicketSecurityProfilesHttpController } from './ticket-security-profiles/ticket-security-profiles.http.controller';
import { TicketCommentsHttpController } from './tickets/ticket-comments.http.controller';
import { TicketPeopleHttpController } from './tickets/ticket-people.http.controller';
import { TicketsHttpController } from './tickets/tickets.http.controller';
import { UserSecurityHttpController } from './user-security/user-security.http.controller';
import { ApiKeysHttpController } from './users/api-keys.http.controller';
import { UserDirectoryHttpController } from './users/user-directory.http.controller';
import { UserPasswordsHttpController } from './users/user-passwords.http.controller';
import { UsersHttpController } from './users/users.http.controller';

/**
 * The gateway's REST controllers (health comes from HealthModule); the route check and the OpenAPI
 * document read this list. The order is the order of the OpenAPI document.
 */
export const GATEWAY_CONTROLLERS = [
  AuthHttpController,
  MeHttpController,
  SessionChoicesHttpController,
  UsersHttpController,
  PortalHttpController,
  PortalAccessHttpController,
  PortalTicketsHttpController,
  PortalAccountHttpController,
  UserPasswordsHttpController,
  PasswordResetConfirmHttpController,
  ApiKeysHttpController,
  ExportsHttpController,
  OrganizationsHttpController,
  OrganizationConfigurationHttpController,
  LdapDirectoriesHttpController,
  BusinessUnitsHttpController,
  RolesHttpController,
  RoleConfigurationHttpController,
  SecurityProfilesHttpController,
  GroupsHttpController,
  UserDirectoryHttpController,
  MyProfileHttpController,
  UserSecurityHttpController,
  TicketRolesHttpController,
  TicketSecurityProfilesHttpController,
  TicketPeopleHttpController,
  TicketsHttpController,
  TicketCommentsHttpController,
  AclExplainHttpController,
];
