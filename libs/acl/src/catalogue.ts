import { AclAction, ACL_ACTIONS, isActionApplicable } from './actions';
import { AclCatalogueError } from './errors';
import { allowedLevelMask, isOwnershipType, OwnershipType, OWNERSHIP_TYPES } from './ownership';

/** One entity as a service declares it. */
export interface AclEntityDefinition {
  readonly name: string;
  readonly ownership: OwnershipType;
  /** Field names; needed when fieldAcl is on, optional otherwise (then any field name is accepted). */
  readonly fields?: readonly string[];
  /** Whether roles may set VIEW/CREATE/EDIT levels per field of this entity. */
  readonly fieldAcl?: boolean;
}

export interface AclCatalogueDefinition {
  readonly entities: readonly AclEntityDefinition[];
  readonly capabilities: readonly string[];
}

/** An entity of a defined catalogue, with the indexes the compiler and the checks use. */
export interface CatalogueEntity {
  /** Row of this entity in a compiled level table. */
  readonly index: number;
  readonly name: string;
  readonly ownership: OwnershipType;
  readonly fields: readonly string[];
  readonly fieldAcl: boolean;
  /** field name -> position in `fields`. */
  readonly fieldIndex: ReadonlyMap<string, number>;
  /** Actions that can be granted on this entity (CONFIGURE only on User). */
  readonly actions: readonly AclAction[];
  /** Bit i set when the ownership type allows the level of rank i. */
  readonly allowedLevelMask: number;
}

/**
 * The entities and capabilities one ACL instance knows. The gateway and each service define theirs
 * once at start-up; roles are validated and subjects compiled against it.
 */
export interface AclCatalogue {
  readonly entities: readonly CatalogueEntity[];
  readonly capabilities: readonly string[];
  entity(name: string): CatalogueEntity | undefined;
  capabilityIndex(name: string): number | undefined;
}

class DefinedCatalogue implements AclCatalogue {
  // Prototype-less dictionaries rather than Maps: every check starts with this lookup, and V8 serves
  // a keyed load on a dictionary object faster than Map#get. No prototype, so "toString" is no entity.
  private readonly entitiesByName: Record<string, CatalogueEntity | undefined> = Object.create(null);
  private readonly capabilityIndexes: Record<string, number | undefined> = Object.create(null);

  constructor(
    readonly entities: readonly CatalogueEntity[],
    readonly capabilities: readonly string[],
  ) {
    for (const entity of entities) this.entitiesByName[entity.name] = entity;
    capabilities.forEach((name, index) => {
      this.capabilityIndexes[name] = index;
    });
    Object.freeze(this);
  }

  entity(name: string): CatalogueEntity | undefined {
    return this.entitiesByName[name];
  }

  capabilityIndex(name: string): number | undefined {
    return this.capabilityIndexes[name];
  }
}

/** Checks and freezes a catalogue; throws AclCatalogueError naming every inconsistency. */
export function defineAclCatalogue(definition: AclCatalogueDefinition): AclCatalogue {
  const problems: string[] = [];
  const entities: CatalogueEntity[] = [];
  const seenEntities = new Set<string>();

  if (!definition || !Array.isArray(definition.entities)) problems.push('entities must be an array');
  if (!definition || !Array.isArray(definition.capabilities)) problems.push('capabilities must be an array');
  if (problems.length) throw new AclCatalogueError(`invalid ACL catalogue: ${problems.join('; ')}`);

  definition.entities.forEach((input, position) => {
    const where = `entities[${position}]`;
    if (!isNonEmptyString(input?.name)) {
      problems.push(`${where}.name must be a non-empty string`);
      return;
    }
    const name = input.name;
    if (seenEntities.has(name)) problems.push(`${where}: entity ${name} is defined twice`);
    seenEntities.add(name);
    if (!isOwnershipType(input.ownership)) {
      problems.push(
        `${where}: entity ${name} has unknown ownership type ${String(input.ownership)} ` +
          `(expected one of ${OWNERSHIP_TYPES.join(', ')})`,
      );
      return;
    }
    const fields = input.fields ?? [];
    if (!Array.isArray(fields)) {
      problems.push(`${where}.fields must be an array of field names`);
      return;
    }
    const fieldIndex = new Map<string, number>();
    fields.forEach((field, fieldPosition) => {
      if (!isNonEmptyString(field)) problems.push(`${where}.fields[${fieldPosition}] must be a non-empty string`);
      else if (fieldIndex.has(field)) problems.push(`${where}: field ${field} of entity ${name} is listed twice`);
      else fieldIndex.set(field, fieldPosition);
    });
    const fieldAcl = input.fieldAcl === true;
    if (fieldAcl && fields.length === 0) {
      problems.push(`${where}: entity ${name} has field ACL switched on but lists no fields`);
    }
    entities.push(
      Object.freeze({
        index: entities.length,
        name,
        ownership: input.ownership,
        fields: Object.freeze([...fields]),
        fieldAcl,
        fieldIndex,
        actions: Object.freeze(ACL_ACTIONS.filter((action) => isActionApplicable(name, action))),
        allowedLevelMask: allowedLevelMask(input.ownership),
      }),
    );
  });

  const seenCapabilities = new Set<string>();
  definition.capabilities.forEach((capability, position) => {
    if (!isNonEmptyString(capability)) problems.push(`capabilities[${position}] must be a non-empty string`);
    else if (seenCapabilities.has(capability)) problems.push(`capability ${capability} is listed twice`);
    else seenCapabilities.add(capability);
  });

  if (problems.length) throw new AclCatalogueError(`invalid ACL catalogue: ${problems.join('; ')}`);
  return new DefinedCatalogue(Object.freeze(entities), Object.freeze([...definition.capabilities]));
}

function isNonEmptyString(value: unknown): value is string {
  return typeof value === 'string' && value.length > 0;
}
