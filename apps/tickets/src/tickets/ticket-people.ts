import { OwnerTree } from '@app/acl';
import { FieldProblem, fieldProblem } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { TicketUser } from '../users/ticket-user.entity';

/**
 * What is wrong with a user named in a ticket field, or null: it must be a tickets user of the
 * ticket's organization and enabled; an assignee must be ACTIVE too (it works on the ticket).
 */
export async function personProblem(manager: EntityManager, field: string, userId: string, organizationId: string, mustBeActive: boolean): Promise<FieldProblem | null> {
  const user = await manager.findOneBy(TicketUser, { id: userId });
  if (!user) return fieldProblem(field, `${field} ${userId} is no tickets user`);
  if (!user.organizationIds.includes(organizationId)) return fieldProblem(field, `${field} ${userId} (${user.username}) belongs to another organization`);
  if (!user.enabled) return fieldProblem(field, `${field} ${userId} (${user.username}) is disabled`);
  if (mustBeActive && user.status !== 'ACTIVE') return fieldProblem(field, `${field} ${userId} (${user.username}) is ${user.status} in tickets, not ACTIVE`);
  return null;
}

/**
 * The unit a new record of `user` is filed under in `organizationId`: its owner unit when that lies in
 * the organization, else its first unit there. A user of one organization has all its units in it
 * (identity checks that), which covers units whose tree event has not arrived yet.
 */
export function unitInOrganization(user: TicketUser, organizationId: string, tree: OwnerTree): string | null {
  const candidates = [user.ownerBusinessUnitId, ...user.businessUnitIds];
  const known = candidates.find((id) => tree.organizationOf(id) === organizationId);
  if (known) return known;
  if (user.organizationIds.length === 1 && user.organizationIds[0] === organizationId) return user.ownerBusinessUnitId;
  return null;
}
