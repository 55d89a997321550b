import { FieldProblem } from '@app/contracts';
import { EntityManager, In } from 'typeorm';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Organization } from '../organizations/organization.entity';
import { Role } from '../roles/role.entity';

/** A user's memberships and roles as they will be after an edit. */
export interface MembershipState {
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  roleIds: string[] | undefined;
}

/**
 * Problems with the memberships of an edited user: organizations, units and roles must exist, and
 * the units (owner included) must belong to the user's organizations, as on create.
 */
export async function membershipProblems(manager: EntityManager, state: MembershipState): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const organizations = state.organizationIds.length ? await manager.findBy(Organization, { id: In(state.organizationIds) }) : [];
  const known = new Set(organizations.map((o) => o.id));
  const missing = state.organizationIds.filter((id) => !known.has(id));
  if (missing.length) problems.push({ field: 'organizationIds', messages: [`unknown organization ${missing.join(', ')}`] });

  const units = await manager.findBy(BusinessUnit, { id: In([state.ownerBusinessUnitId, ...state.businessUnitIds]) });
  const unitsById = new Map(units.map((u) => [u.id, u]));
  const outside = (id: string) => state.organizationIds.length > 0 && !known.has(unitsById.get(id)!.organizationId);
  if (!unitsById.has(state.ownerBusinessUnitId)) problems.push({ field: 'ownerBusinessUnitId', messages: [`unknown business unit ${state.ownerBusinessUnitId}`] });
  else if (outside(state.ownerBusinessUnitId)) problems.push({ field: 'ownerBusinessUnitId', messages: ['ownerBusinessUnitId belongs to an organization the user is not a member of'] });
  const missingUnits = state.businessUnitIds.filter((id) => !unitsById.has(id));
  const foreignUnits = state.businessUnitIds.filter((id) => unitsById.has(id) && outside(id));
  if (missingUnits.length) problems.push({ field: 'businessUnitIds', messages: [`unknown business unit ${missingUnits.join(', ')}`] });
  if (foreignUnits.length) problems.push({ field: 'businessUnitIds', messages: [`business unit ${foreignUnits.join(', ')} belongs to an organization the user is not a member of`] });

  if (state.roleIds) {
    const roles = await manager.findBy(Role, { id: In(state.roleIds) });
    const knownRoles = new Set(roles.map((r) => r.id));
    state.roleIds.forEach((roleId, index) => {
      if (!knownRoles.has(roleId)) problems.push({ field: `roles.${index}.roleId`, messages: [`unknown role ${roleId}`] });
    });
    if (new Set(state.roleIds).size !== state.roleIds.length) problems.push({ field: 'roles', messages: ['a role is listed twice'] });
  }
  return problems;
}

/** Username and primary email clashes with another user, ignoring case. */
export async function identityClashes(manager: EntityManager, userId: string, username?: string, primaryEmail?: string): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  if (username !== undefined) {
    const [row] = await manager.query('SELECT 1 FROM users WHERE lower(username) = lower($1) AND id <> $2 LIMIT 1', [username, userId]);
    if (row) problems.push({ field: 'username', messages: ['username is already taken (usernames ignore case)'] });
  }
  if (primaryEmail !== undefined) {
    const [row] = await manager.query('SELECT 1 FROM users WHERE lower(primary_email) = lower($1) AND id <> $2 LIMIT 1', [primaryEmail, userId]);
    if (row) problems.push({ field: 'primaryEmail', messages: ['primaryEmail is already used by another user'] });
  }
  return problems;
}
