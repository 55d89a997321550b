import { AccessLevel, AclCatalogue, ACCESS_LEVELS, ActionIndex, compileGrants, OwnerTree, RoleDefinition, SubjectContext } from '@app/acl';

// The same permissions as CASL rules: one rule per granted (entity, action) per role, its level
// expressed as conditions on the record, as a CASL user would write them. On USER-owned entities the
// unit levels also take the subject's own records (see libs/acl/README.md); CASL has no $or, so
// those levels become two rules.

export interface CaslRule {
  action: string;
  subject: string;
  conditions?: Record<string, unknown>;
}

/** Conditions per CASL rule for one granted level; several entries mean several rules (OR). */
export function conditionsFor(
  level: AccessLevel,
  userOwned: boolean,
  context: SubjectContext,
  unitIds: string[],
  divisionIds: string[],
): Array<Record<string, unknown> | undefined> {
  const own = { organizationId: context.organizationId, ownerUserId: context.userId };
  const withinUnits = (ids: string[]) => {
    const units = { organizationId: context.organizationId, ownerBusinessUnitId: { $in: ids } };
    return userOwned ? [own, units] : [units];
  };
  switch (level) {
    case 'NONE':
      return [];
    case 'USER':
      return [own];
    case 'BUSINESS_UNIT':
      return withinUnits(unitIds);
    case 'DIVISION':
      return withinUnits(divisionIds);
    case 'ORGANIZATION':
      return [{ organizationId: context.organizationId }];
    case 'GLOBAL':
      return [undefined];
  }
}

function unitSets(context: SubjectContext, tree: OwnerTree): [string[], string[]] {
  const units = context.businessUnitIds.filter((id) => tree.organizationOf(id) === context.organizationId);
  const division = new Set(units);
  for (const unit of units) for (const below of tree.subordinatesOf(unit)) division.add(below);
  return [[...new Set(units)], [...division]];
}

function rule(action: string, subject: string, conditions: Record<string, unknown> | undefined): CaslRule {
  return conditions ? { action, subject, conditions } : { action, subject };
}

/** Rules straight from the roles (CASL's usual use: every role's rules, CASL finds a match). */
export function caslRulesFromRoles(catalogue: AclCatalogue, roles: readonly RoleDefinition[], context: SubjectContext, tree: OwnerTree): CaslRule[] {
  const [unitIds, divisionIds] = unitSets(context, tree);
  const rules: CaslRule[] = [];
  for (const role of roles) {
    for (const permission of role.permissions) {
      if (role.readOnly && permission.action !== 'VIEW') continue;
      const userOwned = catalogue.entity(permission.entity)?.ownership === 'USER';
      for (const conditions of conditionsFor(permission.level, userOwned, context, unitIds, divisionIds)) {
        rules.push(rule(permission.action, permission.entity, conditions));
      }
    }
  }
  return rules;
}

/** CASL's best case: roles merged beforehand, one rule per (entity, action) at the highest level. */
export function caslRulesMerged(catalogue: AclCatalogue, roles: readonly RoleDefinition[], context: SubjectContext, tree: OwnerTree): CaslRule[] {
  const [unitIds, divisionIds] = unitSets(context, tree);
  const grants = compileGrants(catalogue, roles);
  const rules: CaslRule[] = [];
  for (const entity of catalogue.entities) {
    for (const action of entity.actions) {
      const level = ACCESS_LEVELS[grants.levels[(entity.index << 3) | ActionIndex[action]]];
      const userOwned = entity.ownership === 'USER';
      for (const conditions of conditionsFor(level, userOwned, context, unitIds, divisionIds)) {
        rules.push(rule(action, entity.name, conditions));
      }
    }
  }
  return rules;
}
