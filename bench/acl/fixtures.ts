import {
  AccessLevel,
  AclAction,
  AclCatalogue,
  AclRecord,
  allowedLevels,
  buildOwnerTree,
  BusinessUnitNode,
  defineAclCatalogue,
  OwnershipType,
  OwnerTree,
  RoleDefinition,
  RolePermission,
  SubjectContext,
} from '@app/acl';

// The benchmark's world: 50 entities, 20 roles, a 200-unit tree, one subject. Seeded, so every run
// measures the same rules and the same checks.

export const ENTITY_COUNT = 50;
export const ROLE_COUNT = 20;
export const READ_ONLY_ROLE_COUNT = 2;
export const UNIT_COUNT = 200;
export const SUBJECT_UNIT_COUNT = 3;
export const CAPABILITY_COUNT = 30;
export const ENTITIES_PER_ROLE = 8;
export const ORGANIZATION = 'org-1';

/** mulberry32: small, fast, good enough to pick benchmark data. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Services name entities with string literals, which V8 interns; names built at run time are not
 * interned until V8 meets them as a property key. Intern them up front so both engines see names
 * as production code hands them over.
 */
function internalized(name: string): string {
  return Object.keys({ [name]: true })[0];
}

export interface BenchWorld {
  catalogue: AclCatalogue;
  roles: RoleDefinition[];
  units: BusinessUnitNode[];
  tree: OwnerTree;
  context: SubjectContext;
  entityChecks: Array<{ entity: string; action: AclAction }>;
  recordChecks: Array<{ entity: string; action: AclAction; record: AclRecord }>;
}

// Mostly user-owned entities, as in a CRM.
const OWNERSHIP_CYCLE: OwnershipType[] = ['USER', 'USER', 'USER', 'USER', 'USER', 'BUSINESS_UNIT', 'BUSINESS_UNIT', 'ORGANIZATION', 'NONE', 'USER'];

export function buildWorld(seed = 20240611, checkCount = 4096): BenchWorld {
  const random = seededRandom(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];

  const entities = Array.from({ length: ENTITY_COUNT }, (_, index) =>
    index === 0
      ? { name: 'User', ownership: 'BUSINESS_UNIT' as const, fields: ['username', 'primaryEmail', 'birthday'], fieldAcl: true }
      : { name: internalized(`Entity${index}`), ownership: OWNERSHIP_CYCLE[index % OWNERSHIP_CYCLE.length] },
  );
  const capabilities = Array.from({ length: CAPABILITY_COUNT }, (_, index) => `capability_${index}`);
  const catalogue = defineAclCatalogue({ entities, capabilities });

  // Random recursive tree: each unit hangs below an earlier one, so depth grows like log(n).
  const units: BusinessUnitNode[] = Array.from({ length: UNIT_COUNT }, (_, index) => ({
    id: `bu-${index}`,
    parentId: index === 0 ? null : `bu-${Math.floor(random() * index)}`,
    organizationId: ORGANIZATION,
  }));
  const tree = buildOwnerTree(units);

  // Each role covers a few entities at mostly low levels, as real roles do, so the merged levels
  // spread over every level and record checks both pass and fail.
  const levelWeights: Record<AccessLevel, number> = { NONE: 10, USER: 30, BUSINESS_UNIT: 25, DIVISION: 15, ORGANIZATION: 15, GLOBAL: 5 };
  const pickLevel = (ownership: OwnershipType): AccessLevel => {
    const levels = allowedLevels(ownership);
    let ticket = random() * levels.reduce((sum, level) => sum + levelWeights[level], 0);
    for (const level of levels) if ((ticket -= levelWeights[level]) < 0) return level;
    return levels[0];
  };
  const roles: RoleDefinition[] = Array.from({ length: ROLE_COUNT }, (_, roleIndex) => {
    const permissions: RolePermission[] = [];
    // Like an OroPlatform role, each role lists every entity and action, NONE where it grants nothing.
    for (const entity of catalogue.entities) {
      const covered = random() < ENTITIES_PER_ROLE / ENTITY_COUNT;
      for (const action of entity.actions) {
        const level = covered && random() < 0.7 ? pickLevel(entity.ownership) : 'NONE';
        permissions.push({ entity: entity.name, action, level });
      }
    }
    return {
      name: `role-${roleIndex}`,
      readOnly: roleIndex < READ_ONLY_ROLE_COUNT,
      permissions,
      capabilities: capabilities.filter(() => random() < 0.1),
    };
  });

  const subjectUnits = Array.from({ length: SUBJECT_UNIT_COUNT }, () => `bu-${1 + Math.floor(random() * 40)}`);
  const context: SubjectContext = { userId: 'user-1', organizationId: ORGANIZATION, businessUnitIds: subjectUnits };

  const pairs = catalogue.entities.flatMap((entity) => entity.actions.map((action) => ({ entity: entity.name, action })));
  const entityChecks = Array.from({ length: checkCount }, () => pick(pairs));
  const recordChecks = Array.from({ length: checkCount }, () => {
    const { entity, action } = pick(pairs);
    const ownership = catalogue.entity(entity)!.ownership;
    const organizationId = random() < 0.8 ? ORGANIZATION : 'org-2';
    // Owners near the subject's units half of the time, so checks both pass and fail at every level.
    const unit = random() < 0.5 ? pick(subjectUnits) : `bu-${Math.floor(random() * UNIT_COUNT)}`;
    const record: AclRecord =
      ownership === 'USER'
        ? { ownerUserId: random() < 0.3 ? 'user-1' : `user-${2 + Math.floor(random() * 50)}`, ownerBusinessUnitId: unit, organizationId }
        : ownership === 'BUSINESS_UNIT'
          ? { ownerBusinessUnitId: unit, organizationId }
          : { organizationId };
    return { entity, action, record };
  });

  return { catalogue, roles, units, tree, context, entityChecks, recordChecks };
}
