import { ACL_ACTIONS, CONFIGURABLE_ENTITY, FIELD_ACTIONS, isAclAction, isActionApplicable, isFieldAction } from './actions';
import { AclCatalogue, CatalogueEntity } from './catalogue';
import { RoleProblem, RoleValidationError } from './errors';
import { ACCESS_LEVELS, isAccessLevel } from './levels';
import { allowedLevels, isLevelAllowed } from './ownership';
import { RoleDefinition } from './role';

/**
 * Every problem of a role definition against a catalogue, each with the path of the offending
 * input; empty when the role is valid. Takes `unknown` because it guards request bodies.
 */
export function validateRole(catalogue: AclCatalogue, role: unknown): RoleProblem[] {
  const problems: RoleProblem[] = [];
  const report = (path: string, message: string) => problems.push({ path, message });

  if (!isObject(role)) {
    report('', 'a role must be an object with name, permissions and capabilities');
    return problems;
  }
  if (typeof role.name !== 'string' || role.name.trim() === '') report('name', 'name must be a non-empty string');
  if (role.readOnly !== undefined && typeof role.readOnly !== 'boolean') {
    report('readOnly', 'readOnly must be true or false');
  }
  validatePermissions(catalogue, role.permissions, report);
  validateCapabilities(catalogue, role.capabilities, report);
  if (role.fieldPermissions !== undefined) validateFieldPermissions(catalogue, role.fieldPermissions, report);
  return problems;
}

/** validateRole, throwing RoleValidationError when anything is wrong. */
export function assertValidRole(catalogue: AclCatalogue, role: unknown): asserts role is RoleDefinition {
  const problems = validateRole(catalogue, role);
  if (problems.length > 0) {
    const name = isObject(role) && typeof role.name === 'string' ? role.name : '';
    throw new RoleValidationError(name, problems);
  }
}

type Report = (path: string, message: string) => void;

function validatePermissions(catalogue: AclCatalogue, permissions: unknown, report: Report): void {
  if (!Array.isArray(permissions)) {
    report('permissions', 'permissions must be an array of { entity, action, level }');
    return;
  }
  const firstPathByKey = new Map<string, string>();
  permissions.forEach((permission: unknown, position) => {
    const path = `permissions[${position}]`;
    if (!isObject(permission)) {
      report(path, 'a permission must be an object with entity, action and level');
      return;
    }
    const entity = checkEntity(catalogue, permission.entity, `${path}.entity`, report);
    const action = permission.action;
    let actionOk = false;
    if (!isAclAction(action)) {
      report(`${path}.action`, `unknown action ${describe(action)} (expected one of ${ACL_ACTIONS.join(', ')})`);
    } else if (entity && !isActionApplicable(entity.name, action)) {
      report(`${path}.action`, `action ${action} is only allowed on entity ${CONFIGURABLE_ENTITY}, not on ${entity.name}`);
    } else {
      actionOk = true;
    }
    checkLevel(entity, permission.level, `${path}.level`, report);
    if (entity && actionOk) {
      const key = `${entity.name}\u0000${action as string}`;
      const first = firstPathByKey.get(key);
      if (first !== undefined) report(path, `duplicate permission for ${entity.name} ${action as string} (first set at ${first})`);
      else firstPathByKey.set(key, path);
    }
  });
}

function validateCapabilities(catalogue: AclCatalogue, capabilities: unknown, report: Report): void {
  if (!Array.isArray(capabilities)) {
    report('capabilities', 'capabilities must be an array of capability names');
    return;
  }
  const firstPathByName = new Map<string, string>();
  capabilities.forEach((capability: unknown, position) => {
    const path = `capabilities[${position}]`;
    if (typeof capability !== 'string' || catalogue.capabilityIndex(capability) === undefined) {
      report(path, `unknown capability ${describe(capability)}`);
      return;
    }
    const first = firstPathByName.get(capability);
    if (first !== undefined) report(path, `duplicate capability ${capability} (first listed at ${first})`);
    else firstPathByName.set(capability, path);
  });
}

function validateFieldPermissions(catalogue: AclCatalogue, fieldPermissions: unknown, report: Report): void {
  if (!Array.isArray(fieldPermissions)) {
    report('fieldPermissions', 'fieldPermissions must be an array of { entity, field, action, level }');
    return;
  }
  const firstPathByKey = new Map<string, string>();
  fieldPermissions.forEach((permission: unknown, position) => {
    const path = `fieldPermissions[${position}]`;
    if (!isObject(permission)) {
      report(path, 'a field permission must be an object with entity, field, action and level');
      return;
    }
    let entity = checkEntity(catalogue, permission.entity, `${path}.entity`, report);
    if (entity && !entity.fieldAcl) {
      report(`${path}.entity`, `field-level ACL is not switched on for entity ${entity.name}`);
      entity = undefined;
    }
    const field = permission.field;
    let fieldOk = false;
    if (typeof field !== 'string' || field === '') {
      report(`${path}.field`, 'field must be a non-empty string');
    } else if (entity && !entity.fieldIndex.has(field)) {
      report(`${path}.field`, `unknown field ${describe(field)} on entity ${entity.name}`);
    } else {
      fieldOk = true;
    }
    const action = permission.action;
    const actionOk = isFieldAction(action);
    if (!actionOk) {
      report(`${path}.action`, `unknown field action ${describe(action)} (expected one of ${FIELD_ACTIONS.join(', ')})`);
    }
    checkLevel(entity, permission.level, `${path}.level`, report);
    if (entity && fieldOk && actionOk) {
      const key = `${entity.name}\u0000${field as string}\u0000${action}`;
      const first = firstPathByKey.get(key);
      if (first !== undefined) {
        report(path, `duplicate field permission for ${entity.name}.${field as string} ${action} (first set at ${first})`);
      } else {
        firstPathByKey.set(key, path);
      }
    }
  });
}

function checkEntity(catalogue: AclCatalogue, name: unknown, path: string, report: Report): CatalogueEntity | undefined {
  const entity = typeof name === 'string' ? catalogue.entity(name) : undefined;
  if (!entity) report(path, `unknown entity ${describe(name)}`);
  return entity;
}

function checkLevel(entity: CatalogueEntity | undefined, level: unknown, path: string, report: Report): void {
  if (!isAccessLevel(level)) {
    report(path, `unknown level ${describe(level)} (expected one of ${ACCESS_LEVELS.join(', ')})`);
  } else if (entity && !isLevelAllowed(entity.ownership, level)) {
    report(
      path,
      `level ${level} is not allowed for ${entity.ownership}-owned entity ${entity.name} ` +
        `(allowed: ${allowedLevels(entity.ownership).join(', ')})`,
    );
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (typeof value === 'string') return value;
  if (value === undefined) return '(missing)';
  return JSON.stringify(value) ?? String(value);
}
