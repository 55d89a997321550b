import type { Area } from './area';
import { accessArea } from './access/access-area';
import { businessUnitsArea } from './business-units/business-units-area';
import { ldapDirectoryArea } from './ldap-directory/ldap-directory-area';
import { mySettingsArea } from './my-settings/my-settings-area';
import { organizationSettingsArea } from './organization-settings/organization-settings-area';
import { portalArea } from './portal/portal-area';
import { portalAccessArea } from './portal-access/portal-access-area';
import { rolesArea } from './roles/roles-area';
import { ticketsArea } from './tickets/tickets-area';
import { userSecurityArea } from './user-security/user-security-area';
import { usersArea } from './users/users-area';

/** Every area, in menu order; the first one the session may use is the start page. */
export const AREAS: Area[] = [
  portalArea,
  ticketsArea,
  usersArea,
  businessUnitsArea,
  rolesArea,
  userSecurityArea,
  portalAccessArea,
  organizationSettingsArea,
  ldapDirectoryArea,
  accessArea,
  mySettingsArea,
];
