import { AclAction, FieldAction } from './actions';
import { AccessLevel } from './levels';

/** One entity grant of a role: `level` of records on which `action` is allowed. */
export interface RolePermission {
  readonly entity: string;
  readonly action: AclAction;
  readonly level: AccessLevel;
}

/** One field grant of a role, for entities with field ACL switched on. */
export interface RoleFieldPermission {
  readonly entity: string;
  readonly field: string;
  readonly action: FieldAction;
  readonly level: AccessLevel;
}

/** A role as stored and as posted to POST /api/roles (extra keys such as `label` are ignored). */
export interface RoleDefinition {
  readonly name: string;
  /** Aurea's read-only role: only its VIEW grants count (entity and field), see README. */
  readonly readOnly?: boolean;
  readonly permissions: readonly RolePermission[];
  readonly capabilities: readonly string[];
  readonly fieldPermissions?: readonly RoleFieldPermission[];
}
