import { mayEscalate, Subject } from '@app/acl';
import { FieldProblem } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { EntityManager } from 'typeorm';
import { anyRoleDefinitions } from '../access/session-access';
import { assertGrantsHeld, assertPlacementsInScope, FieldPlacement } from '../access/write-checks';

/** Where a user sits: the owner unit, the organizations and the units it is a member of. */
export interface Memberships {
  ownerBusinessUnitId: string;
  organizationIds: string[];
  businessUnitIds: string[];
}

/** A role assignment as stored. */
export interface Assignment {
  roleId: string;
  fixed: boolean;
  default: boolean;
}

type UnitOrganizations = ReadonlyMap<string, string>;

/** The identity capability that administers tickets (DESIGN.md section 6). */
const TICKETS_ADMINISTRATION = 'ticket_user_security';

/** The organization of each given business unit (units that do not exist are left out). */
export async function unitOrganizations(db: EntityManager, unitIds: string[]): Promise<UnitOrganizations> {
  const rows: { id: string; organizationId: string }[] = await db.query(
    'SELECT id, organization_id AS "organizationId" FROM business_units WHERE id = ANY($1::uuid[])',
    [unitIds],
  );
  return new Map(rows.map((r) => [r.id, r.organizationId]));
}

const unitPlacement = (field: string, unitId: string, units: UnitOrganizations): FieldPlacement => ({
  field,
  placement: { organizationId: units.get(unitId) ?? '', businessUnitId: unitId },
});

/** Every placement of a new user: its owner unit, organizations and units must all lie in the CREATE scope. */
function createdPlacements(m: Memberships, units: UnitOrganizations): FieldPlacement[] {
  return [
    unitPlacement('ownerBusinessUnitId', m.ownerBusinessUnitId, units),
    ...m.organizationIds.map((organizationId) => ({ field: 'organizationIds', placement: { organizationId } })),
    ...m.businessUnitIds.map((unitId) => unitPlacement('businessUnitIds', unitId, units)),
  ];
}

/** Memberships an edit adds or takes away: both must lie in the EDIT scope. */
function changedPlacements(before: Memberships, after: Memberships, units: UnitOrganizations): FieldPlacement[] {
  return [
    ...symmetricDifference(before.organizationIds, after.organizationIds).map((organizationId) => ({ field: 'organizationIds', placement: { organizationId } })),
    ...symmetricDifference(before.businessUnitIds, after.businessUnitIds).map((unitId) => unitPlacement('businessUnitIds', unitId, units)),
  ];
}

/** Roles whose assignment differs: added, removed, or with other flags. */
function changedAssignments(before: Assignment[], after: Assignment[]): string[] {
  const key = (a: Assignment) => `${a.roleId}:${a.fixed}:${a.default}`;
  const beforeKeys = new Set(before.map(key));
  const afterKeys = new Set(after.map(key));
  return [...new Set([...before.filter((a) => !afterKeys.has(key(a))), ...after.filter((a) => !beforeKeys.has(key(a)))].map((a) => a.roleId))];
}

/**
 * A role may be given only to a member of its organization (system-wide roles to anyone), so that
 * it is seen and used only there.
 */
export async function roleOrganizationProblems(db: EntityManager, roleIds: string[], organizationIds: string[]): Promise<FieldProblem[]> {
  const rows: { id: string; organizationId: string | null }[] = await db.query(
    'SELECT id, organization_id AS "organizationId" FROM roles WHERE id = ANY($1::uuid[])',
    [roleIds],
  );
  const organizationOf = new Map(rows.map((r) => [r.id, r.organizationId]));
  return roleIds.flatMap((roleId, index) => {
    const organizationId = organizationOf.get(roleId);
    return organizationId && !organizationIds.includes(organizationId)
      ? [{ field: `roles.${index}.roleId`, messages: [`role ${roleId} belongs to an organization the user is not a member of`] }]
      : [];
  });
}

/**
 * Security profiles decide tickets' roles (the profile match), so giving or changing them is
 * administering tickets: it needs `ticket_user_security` (or `role_escalate`), or anyone who may edit
 * users could make someone a tickets administrator.
 */
function assertProfilesAllowed(subject: Subject): void {
  if (subject.hasCapability(TICKETS_ADMINISTRATION) || mayEscalate(subject)) return;
  throw new ServiceError(403, `Access denied: giving or changing security profiles needs the capability ${TICKETS_ADMINISTRATION}.`, 'ACCESS_DENIED', {
    missing: { capability: TICKETS_ADMINISTRATION },
    fields: ['securityProfiles'],
  });
}

const sameSet = (a: string[], b: string[]) => a.length === b.length && a.every((x) => b.includes(x));
const symmetricDifference = (a: string[], b: string[]) => [...a.filter((id) => !b.includes(id)), ...b.filter((id) => !a.includes(id))];

/** Groups belong to one organization: a group given or taken lies where its organization does. */
async function groupPlacements(db: EntityManager, groupIds: string[]): Promise<FieldPlacement[]> {
  if (groupIds.length === 0) return [];
  const rows: { organizationId: string }[] = await db.query('SELECT organization_id AS "organizationId" FROM groups WHERE id = ANY($1::uuid[])', [groupIds]);
  return rows.map(({ organizationId }) => ({ field: 'groups', placement: { organizationId } }));
}

/** A new user: placed inside the CREATE scope, holding only roles the subject could hold itself. */
export async function assertCreateAllowed(
  db: EntityManager,
  subject: Subject,
  m: Memberships & { securityProfiles?: string[]; groups?: string[] },
  roleIds: string[],
): Promise<void> {
  const units = await unitOrganizations(db, [m.ownerBusinessUnitId, ...m.businessUnitIds]);
  assertPlacementsInScope(subject, 'User', 'CREATE', [...createdPlacements(m, units), ...(await groupPlacements(db, m.groups ?? []))]);
  assertGrantsHeld(subject, await anyRoleDefinitions(db, roleIds), 'a role given');
  if (m.securityProfiles?.length) assertProfilesAllowed(subject);
}

/**
 * An edit: memberships given or taken inside the EDIT scope, a new owner through ASSIGN at a level
 * reaching the old and the new owner unit, and changed role assignments only of roles the subject
 * could hold itself. (The record itself in scope before and after is the caller's check.)
 */
export async function assertEditAllowed(
  db: EntityManager,
  subject: Subject,
  before: Memberships,
  after: Memberships,
  assignments: { before: Assignment[]; after?: Assignment[] },
  profiles: { before: string[]; after?: string[] },
  groups: { before: string[]; after?: string[] },
): Promise<void> {
  if (profiles.after && !sameSet(profiles.before, profiles.after)) assertProfilesAllowed(subject);
  const units = await unitOrganizations(db, [before.ownerBusinessUnitId, after.ownerBusinessUnitId, ...before.businessUnitIds, ...after.businessUnitIds]);
  const changedGroups = groups.after ? await groupPlacements(db, symmetricDifference(groups.before, groups.after)) : [];
  assertPlacementsInScope(subject, 'User', 'EDIT', [...changedPlacements(before, after, units), ...changedGroups]);
  if (before.ownerBusinessUnitId !== after.ownerBusinessUnitId) {
    assertPlacementsInScope(subject, 'User', 'ASSIGN', [
      unitPlacement('ownerBusinessUnitId', before.ownerBusinessUnitId, units),
      unitPlacement('ownerBusinessUnitId', after.ownerBusinessUnitId, units),
    ]);
  }
  if (assignments.after) {
    const changed = changedAssignments(assignments.before, assignments.after);
    if (changed.length) assertGrantsHeld(subject, await anyRoleDefinitions(db, changed), 'a role given or taken away');
  }
}
