import type { BusinessUnitNode, RoleDefinition } from '@app/acl';
import type { SessionAccess } from '@app/contracts';
import { preparedQuery, PreparedStatement } from '@app/service-kit/database';
import { EntityManager } from 'typeorm';
import { AssignedRole } from '../auth/login-roles';

// What every login and session refresh reads, prepared once per connection (libs/service-kit's preparedQuery).
const DEFINITION_COLUMNS = 'name, read_only AS "readOnly", permissions, capabilities, field_permissions AS "fieldPermissions"';
const ASSIGNED_ROLES: PreparedStatement = {
  name: 'identity.access.assigned-roles',
  text: `SELECT r.id, r.name, ur.fixed, ur.is_default AS "isDefault"
           FROM user_roles ur JOIN roles r ON r.id = ur.role_id
          WHERE ur.user_id = $1 AND (r.organization_id IS NULL OR r.organization_id = $2)
          ORDER BY r.name`,
};
const ROLE_DEFINITIONS_IN: PreparedStatement = {
  name: 'identity.access.role-definitions-in',
  text: `SELECT ${DEFINITION_COLUMNS} FROM roles WHERE id = ANY($1::uuid[]) AND (organization_id IS NULL OR organization_id = $2) ORDER BY name`,
};
const ROLE_DEFINITIONS: PreparedStatement = { name: 'identity.access.role-definitions', text: `SELECT ${DEFINITION_COLUMNS} FROM roles WHERE id = ANY($1::uuid[]) ORDER BY name` };
const ORGANIZATION_UNITS: PreparedStatement = {
  name: 'identity.access.organization-units',
  text: 'SELECT id, parent_id AS "parentId", organization_id AS "organizationId" FROM business_units WHERE organization_id = $1',
};

/**
 * The roles a user holds that count in an organization: system-wide ones and those of that
 * organization (OroCRM EE: a role of another organization is neither seen nor used there).
 */
export function assignedRolesIn(db: EntityManager, userId: string, organizationId: string | null): Promise<AssignedRole[]> {
  return preparedQuery(db, ASSIGNED_ROLES, [userId, organizationId]);
}

/** Role definitions as libs/acl reads them: of the given roles, those that count in the organization. */
export function roleDefinitions(db: EntityManager, roleIds: string[], organizationId: string | null): Promise<RoleDefinition[]> {
  return preparedQuery(db, ROLE_DEFINITIONS_IN, [roleIds, organizationId]);
}

/** Role definitions of the given roles, whatever organization they belong to (what an assignment gives). */
export function anyRoleDefinitions(db: EntityManager, roleIds: string[]): Promise<RoleDefinition[]> {
  return preparedQuery(db, ROLE_DEFINITIONS, [roleIds]);
}

/** What a subject is compiled from: the active roles' definitions, the user's units and the organization's tree. */
export async function loadSessionAccess(
  db: EntityManager,
  user: { businessUnitIds: string[] },
  organizationId: string | null,
  activeRoleIds: string[],
): Promise<SessionAccess> {
  const roles = await roleDefinitions(db, activeRoleIds, organizationId);
  const organizationUnits = await preparedQuery<BusinessUnitNode>(db, ORGANIZATION_UNITS, [organizationId]);
  return { roles, businessUnitIds: user.businessUnitIds, organizationUnits };
}
