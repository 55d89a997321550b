import { AclCatalogue } from './catalogue';
import { RoleDefinition, RolePermission } from './role';

export const ADMINISTRATOR_ROLE_NAME = 'ADMINISTRATOR';

/** The role identity seeds on first start: GLOBAL on every entity and applicable action, every capability. */
export function administratorRole(catalogue: AclCatalogue, name: string = ADMINISTRATOR_ROLE_NAME): RoleDefinition {
  const permissions: RolePermission[] = [];
  for (const entity of catalogue.entities) {
    for (const action of entity.actions) permissions.push({ entity: entity.name, action, level: 'GLOBAL' });
  }
  return { name, readOnly: false, permissions, capabilities: [...catalogue.capabilities], fieldPermissions: [] };
}
