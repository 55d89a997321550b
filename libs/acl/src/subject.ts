import { AclAction, ActionIndex, actionIndexOf, ACTION_SHIFT, FieldAction, FieldActionIndex, FIELD_ACTION_SLOTS } from './actions';
import { AclCatalogue, CatalogueEntity } from './catalogue';
import { AclError, UnknownAclNameError } from './errors';
import { compileGrants, CompiledGrants } from './grants';
import { AccessLevel, AccessLevelRank, ACCESS_LEVELS } from './levels';
import { OwnerTree } from './owner-tree';
import { AclRecord } from './record';
import { RoleDefinition } from './role';
import { AclScope, GLOBAL_SCOPE, NONE_SCOPE } from './scope';
import { AclState, AclStates, capabilityGrantState, CapabilityGrant, EntityStateEntry } from './states';

/** Who is asking: the user, the organization they are logged in to, and their units in it. */
export interface SubjectContext {
  readonly userId: string;
  readonly organizationId: string;
  /** The user's business units; units outside the current organization (or the tree) are ignored. */
  readonly businessUnitIds: readonly string[];
}

/** A user with their active roles, compiled once; every check is a table read plus at most one set lookup. */
export interface Subject {
  readonly userId: string;
  readonly organizationId: string;
  /** The business units that count: the context's units that the tree places in the current organization. */
  readonly businessUnitIds: readonly string[];
  readonly roleNames: readonly string[];
  readonly grants: CompiledGrants;

  /** The merged level for an action on an entity (NONE for CONFIGURE on anything but User). */
  level(entity: string, action: AclAction): AccessLevel;
  /** The level plus the ids it covers; apply it to queries with scopeToWhere. */
  scope(entity: string, action: AclAction): AclScope;
  /** May the subject do the action on some records of the entity (level above NONE)? */
  can(entity: string, action: AclAction): boolean;
  /** May the subject do the action on this record? Agrees with the scope as a query filter. */
  canOnRecord(entity: string, action: AclAction, record: AclRecord): boolean;
  /** Granted by a role that is not read-only. */
  hasCapability(capability: string): boolean;
  capabilityState(capability: string): AclState;
  entityState(entity: string): AclState;
  /** Field level; for entities without field ACL, the entity level of the same action. */
  fieldLevel(entity: string, field: string, action: FieldAction): AccessLevel;
  /** Without a record: level above NONE; with one: the record lies within the field's level. */
  canField(entity: string, field: string, action: FieldAction, record?: AclRecord): boolean;
  /** The given fields the subject may not `action` (e.g. the fields of a PATCH body), in input order. */
  deniedFields(entity: string, action: FieldAction, fields: Iterable<string>, record?: AclRecord): string[];
  /** The entity's catalogue fields the subject may view (on this record, when given). */
  viewableFields(entity: string, record?: AclRecord): string[];
  /** Every entity and capability with its state, for GET /api/me/permissions. */
  states(): AclStates;
}

/** Merges the roles and binds them to the context. */
export function compileSubject(
  catalogue: AclCatalogue,
  roles: readonly RoleDefinition[],
  context: SubjectContext,
  tree: OwnerTree,
): Subject {
  return createSubject(compileGrants(catalogue, roles), context, tree);
}

/** Binds merged grants (cacheable per role set) to one user's context. */
export function createSubject(grants: CompiledGrants, context: SubjectContext, tree: OwnerTree): Subject {
  return new CompiledSubject(grants, context, tree);
}

const RANK_NONE = AccessLevelRank.NONE;
const RANK_USER = AccessLevelRank.USER;
const RANK_BUSINESS_UNIT = AccessLevelRank.BUSINESS_UNIT;
const RANK_DIVISION = AccessLevelRank.DIVISION;
const RANK_ORGANIZATION = AccessLevelRank.ORGANIZATION;

class CompiledSubject implements Subject {
  readonly userId: string;
  readonly organizationId: string;
  readonly businessUnitIds: readonly string[];
  readonly roleNames: readonly string[];
  private readonly catalogue: AclCatalogue;
  private readonly levels: Int8Array;
  private readonly unitSet: ReadonlySet<string>;
  /** The units plus all their subordinates. */
  private readonly divisionSet: ReadonlySet<string>;
  /** Scope per level rank, built once: for entities not owned by users, and for USER-owned ones. */
  private readonly scopes: readonly AclScope[];
  private readonly userOwnedScopes: readonly AclScope[];

  constructor(
    readonly grants: CompiledGrants,
    context: SubjectContext,
    tree: OwnerTree,
  ) {
    if (typeof context?.userId !== 'string' || context.userId === '') throw new AclError('subject context needs a userId');
    if (typeof context.organizationId !== 'string' || context.organizationId === '') {
      throw new AclError('subject context needs an organizationId');
    }
    this.userId = context.userId;
    this.organizationId = context.organizationId;
    this.roleNames = grants.roleNames;
    this.catalogue = grants.catalogue;
    this.levels = grants.levels;

    const unitSet = new Set<string>();
    for (const unitId of context.businessUnitIds ?? []) {
      if (tree.organizationOf(unitId) === context.organizationId) unitSet.add(unitId);
    }
    this.unitSet = unitSet;
    this.businessUnitIds = Object.freeze([...unitSet]);

    let divisionSet: ReadonlySet<string> = unitSet;
    if (usesRank(grants, RANK_DIVISION)) {
      const below = new Set(unitSet);
      for (const unitId of unitSet) for (const subordinate of tree.subordinatesOf(unitId)) below.add(subordinate);
      divisionSet = below;
    }
    this.divisionSet = divisionSet;

    const { organizationId, userId, businessUnitIds } = this;
    const divisionIds = divisionSet === unitSet ? businessUnitIds : Object.freeze([...divisionSet]);
    const organizationScope: AclScope = Object.freeze({ level: 'ORGANIZATION', organizationId });
    this.scopes = Object.freeze([
      NONE_SCOPE,
      NONE_SCOPE, // USER is only allowed on USER-owned entities
      Object.freeze({ level: 'BUSINESS_UNIT', organizationId, businessUnitIds }),
      Object.freeze({ level: 'DIVISION', organizationId, businessUnitIds: divisionIds }),
      organizationScope,
      GLOBAL_SCOPE,
    ]);
    this.userOwnedScopes = Object.freeze([
      NONE_SCOPE,
      Object.freeze({ level: 'USER', organizationId, userId }),
      Object.freeze({ level: 'BUSINESS_UNIT', organizationId, businessUnitIds, userId }),
      Object.freeze({ level: 'DIVISION', organizationId, businessUnitIds: divisionIds, userId }),
      organizationScope,
      GLOBAL_SCOPE,
    ]);
  }

  level(entity: string, action: AclAction): AccessLevel {
    return ACCESS_LEVELS[this.levels[this.slot(entity, action)]];
  }

  scope(entity: string, action: AclAction): AclScope {
    const definition = this.entity(entity);
    const rank = this.levels[(definition.index << ACTION_SHIFT) | this.actionIndex(action)];
    return definition.ownership === 'USER' ? this.userOwnedScopes[rank] : this.scopes[rank];
  }

  can(entity: string, action: AclAction): boolean {
    return this.levels[this.slot(entity, action)] !== RANK_NONE;
  }

  canOnRecord(entity: string, action: AclAction, record: AclRecord): boolean {
    const definition = this.catalogue.entity(entity);
    if (definition === undefined) throw new UnknownAclNameError('entity', entity);
    const rank = this.levels[(definition.index << ACTION_SHIFT) | this.actionIndex(action)];
    return this.covers(rank, definition.ownership === 'USER', record);
  }

  hasCapability(capability: string): boolean {
    return this.grants.capabilityGrants[this.capabilitySlot(capability)] === CapabilityGrant.FULL;
  }

  capabilityState(capability: string): AclState {
    return capabilityGrantState(this.grants.capabilityGrants[this.capabilitySlot(capability)]);
  }

  entityState(entity: string): AclState {
    return this.stateOf(this.entity(entity));
  }

  fieldLevel(entity: string, field: string, action: FieldAction): AccessLevel {
    return ACCESS_LEVELS[this.fieldRank(this.entity(entity), field, action)];
  }

  canField(entity: string, field: string, action: FieldAction, record?: AclRecord): boolean {
    const definition = this.entity(entity);
    const rank = this.fieldRank(definition, field, action);
    return record === undefined ? rank !== RANK_NONE : this.covers(rank, definition.ownership === 'USER', record);
  }

  deniedFields(entity: string, action: FieldAction, fields: Iterable<string>, record?: AclRecord): string[] {
    const definition = this.entity(entity);
    const denied: string[] = [];
    for (const field of fields) {
      const rank = this.fieldRank(definition, field, action);
      if (record === undefined ? rank === RANK_NONE : !this.covers(rank, definition.ownership === 'USER', record)) denied.push(field);
    }
    return denied;
  }

  viewableFields(entity: string, record?: AclRecord): string[] {
    const definition = this.entity(entity);
    return definition.fields.filter((field) => {
      const rank = this.fieldRank(definition, field, 'VIEW');
      return record === undefined ? rank !== RANK_NONE : this.covers(rank, definition.ownership === 'USER', record);
    });
  }

  states(): AclStates {
    const entities = this.catalogue.entities.map((entity): EntityStateEntry => {
      const levels: Partial<Record<AclAction, AccessLevel>> = {};
      for (const action of entity.actions) {
        levels[action] = ACCESS_LEVELS[this.levels[(entity.index << ACTION_SHIFT) | ActionIndex[action]]];
      }
      return Object.freeze({ entity: entity.name, ownership: entity.ownership, state: this.stateOf(entity), levels: Object.freeze(levels) });
    });
    const capabilities = this.catalogue.capabilities.map((capability, index) =>
      Object.freeze({ capability, state: capabilityGrantState(this.grants.capabilityGrants[index]) }),
    );
    return Object.freeze({ entities: Object.freeze(entities), capabilities: Object.freeze(capabilities) });
  }

  /**
   * Whether a level (as rank) reaches the record; the single definition of "in scope" for records.
   * On USER-owned entities the subject's own records count at BUSINESS_UNIT and DIVISION too, so
   * levels nest and "highest level wins" never takes a record away.
   */
  private covers(rank: number, userOwned: boolean, record: AclRecord): boolean {
    switch (rank) {
      case RANK_NONE:
        return false;
      case RANK_USER:
        return record.organizationId === this.organizationId && record.ownerUserId === this.userId;
      case RANK_BUSINESS_UNIT:
        return (
          record.organizationId === this.organizationId &&
          ((userOwned && record.ownerUserId === this.userId) || ownedWithin(record, this.unitSet))
        );
      case RANK_DIVISION:
        return (
          record.organizationId === this.organizationId &&
          ((userOwned && record.ownerUserId === this.userId) || ownedWithin(record, this.divisionSet))
        );
      case RANK_ORGANIZATION:
        return record.organizationId === this.organizationId;
      default:
        return true;
    }
  }

  private slot(entity: string, action: AclAction): number {
    const definition = this.catalogue.entity(entity);
    if (definition === undefined) throw new UnknownAclNameError('entity', entity);
    return (definition.index << ACTION_SHIFT) | this.actionIndex(action);
  }

  private actionIndex(action: AclAction): number {
    const actionIndex = actionIndexOf(action);
    if (actionIndex < 0) throw new UnknownAclNameError('action', action);
    return actionIndex;
  }

  private entity(entity: string): CatalogueEntity {
    const definition = this.catalogue.entity(entity);
    if (definition === undefined) throw new UnknownAclNameError('entity', entity);
    return definition;
  }

  private capabilitySlot(capability: string): number {
    const index = this.catalogue.capabilityIndex(capability);
    if (index === undefined) throw new UnknownAclNameError('capability', capability);
    return index;
  }

  private fieldRank(entity: CatalogueEntity, field: string, action: FieldAction): number {
    const actionIndex = FieldActionIndex[action];
    if (typeof actionIndex !== 'number') throw new UnknownAclNameError('field action', action);
    const fieldIndex = entity.fieldIndex.get(field);
    if (fieldIndex === undefined && entity.fields.length > 0) {
      throw new UnknownAclNameError('field', field, `on entity ${entity.name}`);
    }
    const fieldLevels = this.grants.fieldLevels[entity.index];
    // Entity actions VIEW/CREATE/EDIT sit in the same slots as the field actions of the same name.
    return fieldLevels === undefined
      ? this.levels[(entity.index << ACTION_SHIFT) | actionIndex]
      : fieldLevels[fieldIndex! * FIELD_ACTION_SLOTS + actionIndex];
  }

  private stateOf(entity: CatalogueEntity): AclState {
    const row = entity.index << ACTION_SHIFT;
    for (const action of entity.actions) {
      if (action !== 'VIEW' && this.levels[row | ActionIndex[action]] !== RANK_NONE) return 'ENABLED';
    }
    return this.levels[row | ActionIndex.VIEW] !== RANK_NONE ? 'READ_ONLY' : 'DISABLED';
  }
}

/** A record's owning units (the owner's units for a USER-owned record) meet the set. */
function ownedWithin(record: AclRecord, units: ReadonlySet<string>): boolean {
  const owners = record.ownerBusinessUnitIds;
  if (owners != null) {
    for (let i = 0; i < owners.length; i++) if (units.has(owners[i])) return true;
    return false;
  }
  const owner = record.ownerBusinessUnitId;
  return owner != null && units.has(owner);
}

function usesRank(grants: CompiledGrants, rank: number): boolean {
  if (grants.levels.includes(rank)) return true;
  return grants.fieldLevels.some((table) => table !== undefined && table.includes(rank));
}
