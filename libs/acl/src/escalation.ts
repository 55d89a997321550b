import { ACTION_SHIFT, ActionIndex, FIELD_ACTIONS, FIELD_ACTION_SLOTS } from './actions';
import { AclError } from './errors';
import { compileGrants, CompiledGrants } from './grants';
import { AccessLevel, ACCESS_LEVELS } from './levels';
import { RoleDefinition } from './role';
import { CapabilityGrant } from './states';
import { Subject } from './subject';

/** Kubernetes RBAC's `escalate`: its holder may create, edit and give roles beyond its own grants. */
export const ROLE_ESCALATE = 'role_escalate';

/** One grant that a set of roles gives and a holder lacks (or holds at a lower level). */
export type GrantGap =
  | { readonly kind: 'permission'; readonly entity: string; readonly action: string; readonly level: AccessLevel; readonly held: AccessLevel }
  | { readonly kind: 'field'; readonly entity: string; readonly field: string; readonly action: string; readonly level: AccessLevel; readonly held: AccessLevel }
  | { readonly kind: 'capability'; readonly capability: string; readonly readOnly: boolean };

/**
 * The "covers" check: every grant of `wanted` that `holder` does not hold at the same or a higher
 * level, in catalogue order. Empty means `holder` covers `wanted`. Both must come from one catalogue.
 * A read-only capability is covered by any grant of it; a full one only by a full one.
 */
export function missingGrants(holder: CompiledGrants, wanted: CompiledGrants): GrantGap[] {
  if (holder.catalogue !== wanted.catalogue) throw new AclError('grants of two different catalogues cannot be compared');
  const gaps: GrantGap[] = [];
  for (const entity of holder.catalogue.entities) {
    const row = entity.index << ACTION_SHIFT;
    for (const action of entity.actions) {
      const slot = row | ActionIndex[action];
      if (wanted.levels[slot] > holder.levels[slot]) {
        gaps.push({ kind: 'permission', entity: entity.name, action, level: ACCESS_LEVELS[wanted.levels[slot]], held: ACCESS_LEVELS[holder.levels[slot]] });
      }
    }
    const wantedFields = wanted.fieldLevels[entity.index];
    const heldFields = holder.fieldLevels[entity.index];
    if (wantedFields === undefined || heldFields === undefined) continue;
    entity.fields.forEach((field, fieldIndex) => {
      FIELD_ACTIONS.forEach((action, actionIndex) => {
        const slot = fieldIndex * FIELD_ACTION_SLOTS + actionIndex;
        if (wantedFields[slot] > heldFields[slot]) {
          gaps.push({ kind: 'field', entity: entity.name, field, action, level: ACCESS_LEVELS[wantedFields[slot]], held: ACCESS_LEVELS[heldFields[slot]] });
        }
      });
    });
  }
  holder.catalogue.capabilities.forEach((capability, index) => {
    if (wanted.capabilityGrants[index] > holder.capabilityGrants[index]) {
      gaps.push({ kind: 'capability', capability, readOnly: wanted.capabilityGrants[index] === CapabilityGrant.READ_ONLY });
    }
  });
  return gaps;
}

/** Whether the subject holds `role_escalate` (false when its catalogue has no such capability). */
export function mayEscalate(subject: Subject): boolean {
  return subject.grants.catalogue.capabilityIndex(ROLE_ESCALATE) !== undefined && subject.hasCapability(ROLE_ESCALATE);
}

/**
 * "No one grants more than they hold": what the roles (merged, as a user holding them all would get)
 * give beyond the subject's own grants. Empty when covered, or when the subject may escalate.
 * Throws RoleValidationError for an invalid role, as compileGrants does.
 */
export function grantsBeyond(subject: Subject, roles: readonly RoleDefinition[]): GrantGap[] {
  if (mayEscalate(subject)) return [];
  return missingGrants(subject.grants, compileGrants(subject.grants.catalogue, roles));
}

/** A person-readable list of gaps, e.g. "EDIT on Role at GLOBAL (you hold ORGANIZATION), capability export_users". */
export function describeGrantGaps(gaps: readonly GrantGap[]): string {
  return gaps
    .map((gap) => {
      if (gap.kind === 'capability') return `capability ${gap.capability}`;
      const what = gap.kind === 'field' ? `${gap.action} on ${gap.entity}.${gap.field}` : `${gap.action} on ${gap.entity}`;
      return `${what} at ${gap.level} (you hold ${gap.held})`;
    })
    .join(', ');
}
