import fc from 'fast-check';
import { FIELD_ACTIONS } from '../actions';
import { AclCatalogue, AclEntityDefinition, defineAclCatalogue } from '../catalogue';
import { allowedLevels, OWNERSHIP_TYPES } from '../ownership';
import { RoleDefinition, RoleFieldPermission, RolePermission } from '../role';

/** The capability names generated catalogues draw from. */
const CAPABILITY_NAMES = ['user_management', 'export_users', 'ticket_user_security', 'portal_access_admin', 'role_escalate'];

const entityDraftArb = fc.record({ fieldCount: fc.integer({ min: 0, max: 3 }), fieldAcl: fc.boolean() });

/**
 * A catalogue with an entity of every ownership type (in random order, one of them maybe named
 * User, the entity with CONFIGURE), up to two more, some with field ACL, and a random set of
 * capabilities (role_escalate among them sometimes).
 */
export const catalogueArb: fc.Arbitrary<AclCatalogue> = fc
  .record({
    ownerships: fc.tuple(fc.shuffledSubarray([...OWNERSHIP_TYPES], { minLength: 4, maxLength: 4 }), fc.array(fc.constantFrom(...OWNERSHIP_TYPES), { maxLength: 2 })),
    drafts: fc.array(entityDraftArb, { minLength: 6, maxLength: 6 }),
    hasUser: fc.boolean(),
    capabilities: fc.uniqueArray(fc.constantFrom(...CAPABILITY_NAMES), { maxLength: CAPABILITY_NAMES.length }),
  })
  .map(({ ownerships: [every, extra], drafts, hasUser, capabilities }) => {
    const entities = [...every, ...extra].map((ownership, index): AclEntityDefinition => {
      const { fieldCount, fieldAcl } = drafts[index];
      const fields = Array.from({ length: fieldCount }, (_, field) => `f${field}`);
      return { name: hasUser && index === 0 ? 'User' : `E${index}`, ownership, fields, fieldAcl: fieldAcl && fieldCount > 0 };
    });
    return defineAclCatalogue({ entities, capabilities });
  });

/** A grant the catalogue allows: an applicable action at a level the entity's ownership type allows. */
export function permissionArb(catalogue: AclCatalogue): fc.Arbitrary<RolePermission> {
  return fc.constantFrom(...catalogue.entities).chain((entity) =>
    fc.record({ entity: fc.constant(entity.name), action: fc.constantFrom(...entity.actions), level: fc.constantFrom(...allowedLevels(entity.ownership)) }),
  );
}

/** A field grant on an entity with field ACL; the catalogue must have one. */
export function fieldPermissionArb(catalogue: AclCatalogue): fc.Arbitrary<RoleFieldPermission> {
  return fc.constantFrom(...catalogue.entities.filter((entity) => entity.fieldAcl)).chain((entity) =>
    fc.record({
      entity: fc.constant(entity.name),
      field: fc.constantFrom(...entity.fields),
      action: fc.constantFrom(...FIELD_ACTIONS),
      level: fc.constantFrom(...allowedLevels(entity.ownership)),
    }),
  );
}

export interface RoleArbOptions {
  readonly name?: fc.Arbitrary<string>;
  readonly readOnly?: fc.Arbitrary<boolean>;
  readonly maxPermissions?: number;
}

/** A valid role of the catalogue: no duplicate entries, only allowed levels. */
export function roleArb(catalogue: AclCatalogue, options: RoleArbOptions = {}): fc.Arbitrary<RoleDefinition> {
  const hasFieldAcl = catalogue.entities.some((entity) => entity.fieldAcl);
  return fc.record({
    name: options.name ?? fc.constantFrom('A', 'B', 'C', 'D'),
    readOnly: options.readOnly ?? fc.boolean(),
    permissions: fc.uniqueArray(permissionArb(catalogue), { selector: (p) => `${p.entity}/${p.action}`, maxLength: options.maxPermissions ?? 20 }),
    capabilities: catalogue.capabilities.length > 0 ? fc.uniqueArray(fc.constantFrom(...catalogue.capabilities), { maxLength: 3 }) : fc.constant([]),
    fieldPermissions: hasFieldAcl
      ? fc.uniqueArray(fieldPermissionArb(catalogue), { selector: (p) => `${p.entity}/${p.field}/${p.action}`, maxLength: 6 })
      : fc.constant([]),
  });
}
