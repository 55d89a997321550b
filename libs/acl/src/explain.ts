import { AclAction, isActionApplicable, isAclAction } from './actions';
import { AclCatalogue, CatalogueEntity } from './catalogue';
import { UnknownAclNameError } from './errors';
import { explainRecordScope, ExplainedRecord, RecordScopeExplanation } from './explain-record';
import { AccessLevel, AccessLevelRank, isAccessLevel } from './levels';
import { OwnerTree } from './owner-tree';
import { isLevelAllowed, OwnershipType } from './ownership';
import { RoleDefinition } from './role';
import { compileSubject, SubjectContext } from './subject';

/** What a subject is compiled from, kept apart so explain can look at each role on its own. */
export interface ExplainSubject {
  readonly catalogue: AclCatalogue;
  readonly roles: readonly RoleDefinition[];
  readonly context: SubjectContext;
  readonly tree: OwnerTree;
}

/** Why one role gives the level it gives; `code` is stable, `message` is for a person. */
export type RoleLevelCode = 'GRANTED' | 'NO_GRANT' | 'READ_ONLY_ROLE' | 'LEVEL_NOT_ALLOWED' | 'ACTION_NOT_APPLICABLE';

export interface RoleLevelExplanation {
  readonly role: string;
  readonly readOnly: boolean;
  /** The highest level the role's stored grants name for the entity and action (NONE: none). */
  readonly granted: AccessLevel;
  /** What the role contributes: `granted`, or NONE when the reason says it does not count. */
  readonly level: AccessLevel;
  readonly code: RoleLevelCode;
  readonly message: string;
}

export interface AccessExplanation {
  readonly entity: string;
  readonly ownership: OwnershipType;
  readonly action: AclAction;
  /** Without a record: the level is above NONE; with one: the record is in scope. */
  readonly allowed: boolean;
  /** The highest level any role contributes: what the engine decides with. */
  readonly level: AccessLevel;
  /** The roles that contribute `level` (empty when it is NONE). */
  readonly winningRoles: readonly string[];
  /** Every active role, in the order given. */
  readonly roles: readonly RoleLevelExplanation[];
  /** Only when a record was given. */
  readonly record?: RecordScopeExplanation;
  /** One sentence for a person. */
  readonly summary: string;
}

/**
 * Which roles give which level for an action on an entity, which wins, and (with a record) why the
 * record is or is not in scope. Worked out role by role from the definitions, without the compiled
 * tables, so that the property tests can hold it against the engine. A grant the compiler would
 * reject (a level the ownership type does not allow, CONFIGURE on another entity) is shown and
 * counted as NONE here rather than thrown; unknown entity or action names throw as the engine does.
 */
export function explainAccess(subject: ExplainSubject, entityName: string, action: AclAction, record?: ExplainedRecord): AccessExplanation {
  const entity = subject.catalogue.entity(entityName);
  if (entity === undefined) throw new UnknownAclNameError('entity', entityName);
  if (!isAclAction(action)) throw new UnknownAclNameError('action', action);

  const roles = subject.roles.map((role) => explainRole(role, entity, action));
  const level = roles.reduce<AccessLevel>((best, role) => (AccessLevelRank[role.level] > AccessLevelRank[best] ? role.level : best), 'NONE');
  const winningRoles = level === 'NONE' ? [] : roles.filter((role) => role.level === level).map((role) => role.role);

  let recordExplanation: RecordScopeExplanation | undefined;
  if (record !== undefined) {
    // Only the subject's units: the context's units the tree places in the current organization.
    const { businessUnitIds } = compileSubject(subject.catalogue, [], subject.context, subject.tree);
    recordExplanation = explainRecordScope(entity.ownership, level, record, {
      userId: subject.context.userId,
      organizationId: subject.context.organizationId,
      businessUnitIds,
      tree: subject.tree,
    });
  }
  const allowed = recordExplanation ? recordExplanation.inScope : level !== 'NONE';
  return Object.freeze({
    entity: entity.name,
    ownership: entity.ownership,
    action,
    allowed,
    level,
    winningRoles: Object.freeze(winningRoles),
    roles: Object.freeze(roles),
    ...(recordExplanation ? { record: recordExplanation } : {}),
    summary: summaryOf(entity.name, action, level, winningRoles, recordExplanation),
  });
}

function explainRole(role: RoleDefinition, entity: CatalogueEntity, action: AclAction): RoleLevelExplanation {
  const readOnly = role.readOnly === true;
  let granted: AccessLevel = 'NONE';
  for (const permission of role.permissions) {
    if (permission.entity === entity.name && permission.action === action && isAccessLevel(permission.level) && AccessLevelRank[permission.level] > AccessLevelRank[granted]) {
      granted = permission.level;
    }
  }
  const explained = (level: AccessLevel, code: RoleLevelCode, message: string): RoleLevelExplanation =>
    Object.freeze({ role: role.name, readOnly, granted, level, code, message });
  const where = `${action} on ${entity.name}`;
  if (!isActionApplicable(entity.name, action)) return explained('NONE', 'ACTION_NOT_APPLICABLE', `${action} applies only to the entity User, so role ${role.name} gives NONE.`);
  if (granted === 'NONE') return explained('NONE', 'NO_GRANT', `Role ${role.name} grants no ${where} (no grant is NONE).`);
  if (readOnly && action !== 'VIEW') {
    return explained('NONE', 'READ_ONLY_ROLE', `Role ${role.name} is read-only: it gives VIEW only, so its ${granted} grant of ${where} does not count.`);
  }
  if (!isLevelAllowed(entity.ownership, granted)) {
    return explained('NONE', 'LEVEL_NOT_ALLOWED', `Role ${role.name} names ${granted} for ${where}, a level that ${entity.ownership}-owned entities do not allow; it counts as NONE.`);
  }
  return explained(granted, 'GRANTED', `Role ${role.name} gives ${granted} for ${where}.`);
}

function summaryOf(entity: string, action: AclAction, level: AccessLevel, winners: readonly string[], record: RecordScopeExplanation | undefined): string {
  const base =
    level === 'NONE' ? `None of your roles gives ${action} on ${entity}, so it is denied.` : `You may ${action} ${entity} at ${level} level, given by ${winners.join(', ')}.`;
  if (record === undefined || level === 'NONE') return base;
  const last = record.reasons[record.reasons.length - 1];
  return `${base} This record is ${record.inScope ? 'in' : 'out of'} scope. ${last.message}`;
}
