import { FieldProblem } from '@app/contracts';

/** A user's memberships and roles as they will be after a create or an edit. */
export interface MembershipState {
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
  /** The roles given; undefined when an edit leaves them as they are. */
  roleIds: string[] | undefined;
}

/** What exists of the references a MembershipState names, as read from the database. */
export interface KnownReferences {
  /** Those of the user's organizations that exist. */
  organizationIds: ReadonlySet<string>;
  /** Each existing business unit's organization. */
  unitOrganizations: ReadonlyMap<string, string>;
  roleIds: ReadonlySet<string>;
}

/** Which of a username and primary email another user holds already (both ignore case). */
export interface IdentityClashes {
  username: boolean;
  primaryEmail: boolean;
}

/** A username or primary email another user holds, as the field problems both create and edit answer. */
export function identityClashProblems(clashes: IdentityClashes): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (clashes.username) problems.push({ field: 'username', messages: ['username is already taken (usernames ignore case)'] });
  if (clashes.primaryEmail) problems.push({ field: 'primaryEmail', messages: ['primaryEmail is already used by another user'] });
  return problems;
}

/**
 * Problems with a user's memberships: organizations, units and roles must exist, no role twice, and
 * the units (owner included) must belong to the user's organizations (when it has any).
 */
export function membershipProblems(state: MembershipState, known: KnownReferences): FieldProblem[] {
  const problems: FieldProblem[] = [];
  const missing = state.organizationIds.filter((id) => !known.organizationIds.has(id));
  if (missing.length) problems.push({ field: 'organizationIds', messages: [`unknown organization ${missing.join(', ')}`] });

  const outside = (unitId: string) => state.organizationIds.length > 0 && !known.organizationIds.has(known.unitOrganizations.get(unitId)!);
  if (!known.unitOrganizations.has(state.ownerBusinessUnitId)) {
    problems.push({ field: 'ownerBusinessUnitId', messages: [`unknown business unit ${state.ownerBusinessUnitId}`] });
  } else if (outside(state.ownerBusinessUnitId)) {
    problems.push({ field: 'ownerBusinessUnitId', messages: ['ownerBusinessUnitId belongs to an organization the user is not a member of'] });
  }
  const missingUnits = state.businessUnitIds.filter((id) => !known.unitOrganizations.has(id));
  const foreignUnits = state.businessUnitIds.filter((id) => known.unitOrganizations.has(id) && outside(id));
  if (missingUnits.length) problems.push({ field: 'businessUnitIds', messages: [`unknown business unit ${missingUnits.join(', ')}`] });
  if (foreignUnits.length) problems.push({ field: 'businessUnitIds', messages: [`business unit ${foreignUnits.join(', ')} belongs to an organization the user is not a member of`] });

  if (state.roleIds) {
    state.roleIds.forEach((roleId, index) => {
      if (!known.roleIds.has(roleId)) problems.push({ field: `roles.${index}.roleId`, messages: [`unknown role ${roleId}`] });
    });
    if (new Set(state.roleIds).size !== state.roleIds.length) problems.push({ field: 'roles', messages: ['a role is listed twice'] });
  }
  return problems;
}
