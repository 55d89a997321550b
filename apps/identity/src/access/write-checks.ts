import { AclAction, describeGrantGaps, grantsBeyond, Placement, placementInScope, RoleDefinition, Subject } from '@app/acl';
import { ServiceError } from '@app/service-kit';
import { EntityManager } from 'typeorm';
import { anyRoleDefinitions } from './session-access';

/** A placement a write gives or takes away, with the input field that names it. */
export interface FieldPlacement {
  field: string;
  placement: Placement;
}

const denied = (message: string, code: string, details: unknown) => new ServiceError(403, `Access denied: ${message}.`, code, details);

/**
 * "Writes are scoped too": every placement must lie in the subject's scope for the action, or the
 * whole write is refused with a 403 naming each field and id out of reach.
 */
export function assertPlacementsInScope(subject: Subject, entity: string, action: AclAction, placements: FieldPlacement[]): void {
  const scope = subject.scope(entity, action);
  const outside = placements.filter(({ placement }) => !placementInScope(scope, placement));
  if (outside.length === 0) return;
  const named = outside.map(({ field, placement }) => `${field} ${placement.businessUnitId ?? placement.organizationId}`);
  throw denied(`${[...new Set(named)].join(', ')} lies outside your ${action} level on ${entity} (${scope.level})`, 'ACCESS_DENIED', {
    missing: { entity, action, level: scope.level },
    fields: [...new Set(outside.map((o) => o.field))],
  });
}

/** "No one grants more than they hold": the roles, merged, must give nothing the subject lacks. */
export function assertGrantsHeld(subject: Subject, roles: RoleDefinition[], what: string): void {
  const gaps = grantsBeyond(subject, roles);
  if (gaps.length) throw denied(`${what} grants more than you hold: ${describeGrantGaps(gaps)}`, 'ESCALATION_DENIED', { missing: gaps });
}

/** Every role a user holds in any organization, as libs/acl reads them. */
async function heldRoleDefinitions(db: EntityManager, userId: string): Promise<RoleDefinition[]> {
  const held: { id: string }[] = await db.query('SELECT role_id AS id FROM user_roles WHERE user_id = $1', [userId]);
  return anyRoleDefinitions(db, held.map((r) => r.id));
}

/**
 * Acting on another user's account (credentials, enabling, editing) needs that the target holds no
 * grant the subject lacks, so nobody takes over an account stronger than their own. Oneself passes.
 */
export async function assertTargetsCovered(db: EntityManager, subject: Subject, userIds: string[]): Promise<void> {
  for (const userId of userIds) {
    if (userId === subject.userId) continue;
    const gaps = grantsBeyond(subject, await heldRoleDefinitions(db, userId));
    if (gaps.length) {
      throw denied(`user ${userId} holds grants you lack (${describeGrantGaps(gaps)})`, 'TARGET_OUTRANKS', { userId, missing: gaps });
    }
  }
}
