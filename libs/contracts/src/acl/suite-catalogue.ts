/**
 * The entities and capabilities of the whole suite, as plain data that libs/acl compiles. Defined
 * once here because the gateway enforces and every service validates roles against the same list.
 */
import { AclCatalogue, AclEntityDefinition, defineAclCatalogue } from '@app/acl';

export const SUITE_ENTITIES: AclEntityDefinition[] = [
  {
    name: 'User',
    ownership: 'BUSINESS_UNIT',
    fieldAcl: true,
    fields: [
      'username', 'enabled', 'authStatus', 'namePrefix', 'firstName', 'middleName', 'lastName', 'nameSuffix', 'birthday',
      'avatar', 'primaryEmail', 'emails', 'phone', 'customFields', 'groups', 'roles', 'securityProfiles',
      'organizationIds', 'businessUnitIds', 'ownerBusinessUnitId',
    ],
  },
  { name: 'Organization', ownership: 'ORGANIZATION', fieldAcl: false, fields: ['name'] },
  { name: 'BusinessUnit', ownership: 'BUSINESS_UNIT', fieldAcl: false, fields: ['name', 'parentId', 'organizationId'] },
  // ORGANIZATION-owned: a role of one organization, or system-wide (no organization: GLOBAL level only).
  { name: 'Role', ownership: 'ORGANIZATION', fieldAcl: false, fields: ['name', 'label', 'readOnly', 'organizationId', 'permissions', 'capabilities', 'fieldPermissions'] },
  { name: 'SecurityProfile', ownership: 'NONE', fieldAcl: false, fields: ['name', 'description'] },
  { name: 'Group', ownership: 'ORGANIZATION', fieldAcl: false, fields: ['name'] },
  // Ticket entities are not here: tickets' own security roles govern them (tickets-catalogue.ts).
  { name: 'PortalAccessProfile', ownership: 'NONE', fieldAcl: false, fields: ['name', 'description', 'features'] },
  { name: 'Payment', ownership: 'ORGANIZATION', fieldAcl: false, fields: ['amount', 'currency', 'reference'] },
  { name: 'PortalModule', ownership: 'ORGANIZATION', fieldAcl: false, fields: ['key', 'name'] },
];

export const SUITE_CAPABILITIES: string[] = [
  'user_management',
  'export_users',
  'ticket_user_security',
  'portal_access_admin',
  'portal_service_tickets',
  'portal_payments',
  'portal_modules',
  /** Configure an organization's LDAP directory and import its users (OroCRM EE). */
  'ldap_directories',
  /** Kubernetes RBAC's escalate: create, edit and give roles beyond one's own grants (ADMINISTRATOR has it). */
  'role_escalate',
];

export const ADMINISTRATOR_ROLE = 'ADMINISTRATOR';

/** The compiled catalogue: defined once per process, shared by every check. */
export const SUITE_ACL: AclCatalogue = defineAclCatalogue({ entities: SUITE_ENTITIES, capabilities: SUITE_CAPABILITIES });
