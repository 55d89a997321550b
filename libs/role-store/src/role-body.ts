import type { RoleDefinition } from '@app/acl';
import type { RoleBodyDto } from '@app/contracts';

/** A permission as libs/acl reads it. */
export interface StoredPermission {
  entity: string;
  action: string;
  level: string;
}

export interface StoredFieldPermission extends StoredPermission {
  field: string;
}

/** The columns a role body fills; `fieldPermissions` only where the catalogue has field permissions. */
export interface StoredRoleFields {
  name: string;
  label: string | null;
  readOnly: boolean;
  permissions: StoredPermission[];
  capabilities: string[];
  fieldPermissions?: StoredFieldPermission[];
}

/**
 * Only what libs/acl reads is kept from each entry (extra keys in a permission are dropped); the body
 * has passed the catalogue's problems function, so its shape is known.
 */
export function storedRole(body: RoleBodyDto, withFieldPermissions: boolean): StoredRoleFields {
  const fields: StoredRoleFields = {
    name: body.name.trim(),
    label: body.label ?? null,
    readOnly: body.readOnly ?? false,
    permissions: (body.permissions as StoredPermission[]).map(({ entity, action, level }) => ({ entity, action, level })),
    capabilities: body.capabilities as string[],
  };
  if (withFieldPermissions) {
    fields.fieldPermissions = ((body.fieldPermissions ?? []) as StoredFieldPermission[]).map(({ entity, field, action, level }) => ({ entity, field, action, level }));
  }
  return fields;
}

/** What libs/acl compiles of stored role columns (stored roles passed validation, so their names are the catalogue's). */
export const asDefinition = (role: StoredRoleFields): RoleDefinition => role as unknown as RoleDefinition;
