import { AccessLevel, AclCatalogue, ACCESS_LEVELS, compileGrants, OwnerTree, RoleDefinition, SubjectContext } from '@app/acl';

// The same permissions as CASL rules: one rule per granted (entity, action) per role, its level
// expressed as conditions on the record, as a CASL user would write them.

export interface CaslRule {
  action: string;
  subject: string;
  conditions?: Record<string, unknown>;
}

export function conditionsFor(level: AccessLevel, context: SubjectContext, unitIds: string[], divisionIds: string[]) {
  switch (level) {
    case 'USER':
      return { organizationId: context.organizationId, ownerUserId: context.userId };
    case 'BUSINESS_UNIT':
      return { organizationId: context.organizationId, ownerBusinessUnitId: { $in: unitIds } };
    case 'DIVISION':
      return { organizationId: context.organizationId, ownerBusinessUnitId: { $in: divisionIds } };
    case 'ORGANIZATION':
      return { organizationId: context.organizationId };
    default:
      return undefined;
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
export function caslRulesFromRoles(roles: readonly RoleDefinition[], context: SubjectContext, tree: OwnerTree): CaslRule[] {
  const [unitIds, divisionIds] = unitSets(context, tree);
  const rules: CaslRule[] = [];
  for (const role of roles) {
    for (const permission of role.permissions) {
      if (permission.level === 'NONE') continue;
      if (role.readOnly && permission.action !== 'VIEW') continue;
      rules.push(rule(permission.action, permission.entity, conditionsFor(permission.level, context, unitIds, divisionIds)));
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
      const level = ACCESS_LEVELS[grants.levels[(entity.index << 3) | ['VIEW', 'CREATE', 'EDIT', 'DELETE', 'ASSIGN', 'SHARE', 'CONFIGURE'].indexOf(action)]];
      if (level !== 'NONE') rules.push(rule(action, entity.name, conditionsFor(level, context, unitIds, divisionIds)));
    }
  }
  return rules;
}
