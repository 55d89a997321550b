import type { BusinessUnitNode, RoleDefinition } from '@app/acl';
import { preparedQuery, PreparedStatement } from '@app/service-kit/database';
import { DataSource } from 'typeorm';
import { User } from '../users/user.entity';
import { AssignedRole } from './login-roles';

/** An assignment with its role's definition: what login-role selection and the subject need. */
export type AssignedRoleDefinition = AssignedRole & RoleDefinition;

/** The user a login names, with what its session needs in the organization it asks for (or its first). */
export interface LoginRead {
  user: User;
  /** Null when that organization is not one of the user's (login refuses it after the password check). */
  organization: { id: string; roles: AssignedRoleDefinition[]; units: BusinessUnitNode[] } | null;
}

/**
 * Everything a login reads, in one prepared statement: the user by name (whatever its case), its
 * assignments that count in the organization with their definitions, and that organization's unit
 * tree; the same rows as `assignedRolesIn`, `roleDefinitions` and the unit read of
 * access/session-access.ts, which a login used to ask for in four round trips, the user through
 * TypeORM's query builder.
 */
export class LoginReader {
  private statement?: PreparedStatement;

  constructor(private readonly dataSource: DataSource) {}

  async read(username: string, organizationId: string | undefined): Promise<LoginRead | null> {
    const [row] = await preparedQuery<Record<string, unknown>>(this.dataSource.manager, this.prepared(), [username, organizationId ?? null]);
    if (!row) return null;
    const { organizationIdAsked, roles, units, ...columns } = row as { organizationIdAsked: string | null; roles: AssignedRoleDefinition[] | null; units: BusinessUnitNode[] | null };
    const user = Object.assign(new User(), columns);
    return { user, organization: roles && units ? { id: organizationIdAsked!, roles, units } : null };
  }

  /** Built once from the entity's metadata, so a column added to User is read here too. */
  private prepared(): PreparedStatement {
    this.statement ??= {
      name: 'identity.auth.login-read',
      text: `SELECT ${userColumns(this.dataSource)}, o.id AS "organizationIdAsked",
                    CASE WHEN o.id = ANY(u.organization_ids) THEN (
                      SELECT coalesce(json_agg(json_build_object(
                               'id', r.id, 'name', r.name, 'fixed', ur.fixed, 'isDefault', ur.is_default,
                               'readOnly', r.read_only, 'permissions', r.permissions, 'capabilities', r.capabilities,
                               'fieldPermissions', r.field_permissions) ORDER BY r.name), '[]'::json)
                        FROM user_roles ur JOIN roles r ON r.id = ur.role_id
                       WHERE ur.user_id = u.id AND (r.organization_id IS NULL OR r.organization_id = o.id)) END AS roles,
                    CASE WHEN o.id = ANY(u.organization_ids) THEN (
                      SELECT coalesce(json_agg(json_build_object('id', b.id, 'parentId', b.parent_id, 'organizationId', b.organization_id)), '[]'::json)
                        FROM business_units b WHERE b.organization_id = o.id) END AS units
               FROM users u CROSS JOIN LATERAL (SELECT coalesce($2::uuid, u.organization_ids[1]) AS id) o
              WHERE lower(u.username) = lower($1)`,
    };
    return this.statement;
  }
}

/** Every column of users under its property name; `date` as text, as TypeORM hydrates it. */
function userColumns(dataSource: DataSource): string {
  return dataSource
    .getMetadata(User)
    .columns.map((column) => `u.${column.databaseName}${column.type === 'date' ? '::text' : ''} AS "${column.propertyName}"`)
    .join(', ');
}

/** The definition of a role as libs/acl reads it, in the key order of access/session-access.ts's rows. */
export function definitionOf({ name, readOnly, permissions, capabilities, fieldPermissions }: AssignedRoleDefinition): RoleDefinition {
  return { name, readOnly, permissions, capabilities, fieldPermissions };
}
