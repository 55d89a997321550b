import { ActionIndex, actionIndexOf, ACTION_SHIFT, CONFIGURABLE_ENTITY, FieldActionIndex, FIELD_ACTION_SLOTS, isFieldAction } from './actions';
import { AclCatalogue, CatalogueEntity } from './catalogue';
import { RoleValidationError } from './errors';
import { AccessLevelRank, levelRankOf } from './levels';
import { RoleDefinition, RoleFieldPermission } from './role';
import { validateRole } from './role-validation';
import { CapabilityGrant } from './states';

/**
 * What a set of roles grants, merged: the context-free half of a subject. Tables hold level ranks
 * (0 = NONE ... 5 = GLOBAL); a check reads one slot instead of looping over roles.
 */
export interface CompiledGrants {
  readonly catalogue: AclCatalogue;
  readonly roleNames: readonly string[];
  /** Rank per entity and action, at `(entity.index << 3) | ActionIndex[action]`. */
  readonly levels: Int8Array;
  /** CapabilityGrant per capability, indexed as catalogue.capabilities. */
  readonly capabilityGrants: Uint8Array;
  /** Per entity index: rank per field and field action at `field * 3 + FieldActionIndex[action]`; only for field-ACL entities. */
  readonly fieldLevels: ReadonlyArray<Int8Array | undefined>;
}

/**
 * Merges roles: for each entity and action the highest level wins, capabilities are the union,
 * a read-only role contributes only its VIEW grants. Field levels are resolved per role first (a
 * field the role does not mention follows the role's entity level; a mention never exceeds it),
 * then the highest role wins, so adding a role can never take a field away.
 *
 * Throws RoleValidationError (with every problem of the role) for a role that names something
 * unknown or a level the ownership type does not allow; duplicates, which validateRole also
 * rejects, are harmless here.
 */
export function compileGrants(catalogue: AclCatalogue, roles: readonly RoleDefinition[]): CompiledGrants {
  const entityCount = catalogue.entities.length;
  const levels = new Int8Array(entityCount << ACTION_SHIFT);
  const capabilityGrants = new Uint8Array(catalogue.capabilities.length);
  const fieldLevels: Array<Int8Array | undefined> = catalogue.entities.map((entity) =>
    entity.fieldAcl ? new Int8Array(entity.fields.length * FIELD_ACTION_SLOTS) : undefined,
  );
  const fieldAclEntities = catalogue.entities.filter((entity) => entity.fieldAcl);
  // This role's own entity levels; field defaults and caps are per role.
  const roleLevels = fieldAclEntities.length > 0 ? new Int8Array(entityCount << ACTION_SHIFT) : undefined;
  const roleNames: string[] = [];

  for (const role of roles) {
    if (!Array.isArray(role?.permissions as unknown) || !Array.isArray(role.capabilities as unknown)) throw invalidRole(catalogue, role);
    roleNames.push(role.name);
    const readOnly = role.readOnly === true;
    roleLevels?.fill(0);

    // Roles list an entity's actions one after another; reuse the last lookup while the name repeats.
    let entityName: string | undefined;
    let entity: CatalogueEntity | undefined;
    for (const permission of role.permissions) {
      if (permission.entity !== entityName) {
        entityName = permission.entity;
        entity = catalogue.entity(entityName);
      }
      const action = actionIndexOf(permission.action);
      const rank = levelRankOf(permission.level);
      if (
        entity === undefined ||
        action < 0 ||
        rank < 0 ||
        (entity.allowedLevelMask & (1 << rank)) === 0 ||
        (action === ActionIndex.CONFIGURE && entity.name !== CONFIGURABLE_ENTITY)
      ) {
        throw invalidRole(catalogue, role);
      }
      if (readOnly && action !== ActionIndex.VIEW) continue;
      const slot = (entity.index << ACTION_SHIFT) | action;
      if (rank > levels[slot]) levels[slot] = rank;
      if (roleLevels !== undefined && rank > roleLevels[slot]) roleLevels[slot] = rank;
    }

    const grant = readOnly ? CapabilityGrant.READ_ONLY : CapabilityGrant.FULL;
    for (const capability of role.capabilities) {
      const index = catalogue.capabilityIndex(capability);
      if (index === undefined) throw invalidRole(catalogue, role);
      if (grant > capabilityGrants[index]) capabilityGrants[index] = grant;
    }

    if (roleLevels !== undefined) {
      const mentions = groupFieldPermissions(catalogue, role);
      for (const entity of fieldAclEntities) {
        mergeRoleFieldLevels(entity, roleLevels, mentions.get(entity), readOnly, fieldLevels[entity.index]!);
      }
    } else if (role.fieldPermissions !== undefined && role.fieldPermissions.length > 0) {
      throw invalidRole(catalogue, role);
    }
  }

  return Object.freeze({ catalogue, roleNames: Object.freeze(roleNames), levels, capabilityGrants, fieldLevels: Object.freeze(fieldLevels) });
}

function groupFieldPermissions(catalogue: AclCatalogue, role: RoleDefinition): Map<CatalogueEntity, RoleFieldPermission[]> {
  const byEntity = new Map<CatalogueEntity, RoleFieldPermission[]>();
  for (const permission of role.fieldPermissions ?? []) {
    const entity = catalogue.entity(permission.entity);
    const rank = levelRankOf(permission.level);
    if (
      entity === undefined ||
      !entity.fieldAcl ||
      !entity.fieldIndex.has(permission.field) ||
      !isFieldAction(permission.action) ||
      rank < 0 ||
      (entity.allowedLevelMask & (1 << rank)) === 0
    ) {
      throw invalidRole(catalogue, role);
    }
    const list = byEntity.get(entity);
    if (list) list.push(permission);
    else byEntity.set(entity, [permission]);
  }
  return byEntity;
}

/** One role's field levels for one entity, max-merged into the subject's table. */
function mergeRoleFieldLevels(
  entity: CatalogueEntity,
  roleLevels: Int8Array,
  mentions: RoleFieldPermission[] | undefined,
  readOnly: boolean,
  target: Int8Array,
): void {
  const row = entity.index << ACTION_SHIFT;
  // Field actions VIEW/CREATE/EDIT share their slot numbers with the entity actions of the same name.
  const entityView = roleLevels[row | ActionIndex.VIEW];
  const entityCreate = readOnly ? 0 : roleLevels[row | ActionIndex.CREATE];
  const entityEdit = readOnly ? 0 : roleLevels[row | ActionIndex.EDIT];
  const roleFieldLevels = new Int8Array(target.length);
  for (let slot = 0; slot < roleFieldLevels.length; slot += FIELD_ACTION_SLOTS) {
    roleFieldLevels[slot] = entityView;
    roleFieldLevels[slot + 1] = entityCreate;
    roleFieldLevels[slot + 2] = entityEdit;
  }
  if (mentions !== undefined) {
    for (const mention of mentions) {
      const action = FieldActionIndex[mention.action];
      const slot = entity.fieldIndex.get(mention.field)! * FIELD_ACTION_SLOTS + action;
      const cap = action === 0 ? entityView : action === 1 ? entityCreate : entityEdit;
      roleFieldLevels[slot] = Math.min(AccessLevelRank[mention.level], cap);
    }
  }
  for (let slot = 0; slot < target.length; slot++) {
    if (roleFieldLevels[slot] > target[slot]) target[slot] = roleFieldLevels[slot];
  }
}

function invalidRole(catalogue: AclCatalogue, role: RoleDefinition): RoleValidationError {
  const problems = validateRole(catalogue, role);
  return new RoleValidationError(
    typeof role?.name === 'string' ? role.name : '',
    problems.length > 0 ? problems : [{ path: '', message: 'the role cannot be compiled' }],
  );
}
