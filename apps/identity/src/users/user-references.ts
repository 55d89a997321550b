import { FieldProblem } from '@app/contracts';
import { EntityManager, In } from 'typeorm';
import { BusinessUnit } from '../business-units/business-unit.entity';
import { Group } from '../groups/group.entity';
import { Organization } from '../organizations/organization.entity';
import { Role } from '../roles/role.entity';
import { SecurityProfile } from '../security-profiles/security-profile.entity';
import { IdentityClashes, identityClashProblems, KnownReferences, membershipProblems, MembershipState } from './user-rules';
import { roleOrganizationProblems } from './user-write-rules';

/** Any fixed number: serialises the email-uniqueness check of concurrent creates and edits. */
const EMAIL_LOCK = 7_310_002;

/** The contact and group references of a user being created or edited; only the fields given are checked. */
export interface ContactAndGroupFields {
  primaryEmail?: string;
  emails?: string[];
  securityProfiles?: string[];
  groups?: string[];
  organizationIds?: string[];
}

/**
 * Problems with emails taken by another user (primary or additional, ignoring case), security
 * profiles that do not exist (names match exactly), and groups outside the user's organizations.
 * The primary-against-primary clash is the unique index's and the caller's.
 */
async function contactAndGroupProblems(manager: EntityManager, fields: ContactAndGroupFields, userId: string | null): Promise<FieldProblem[]> {
  const problems: FieldProblem[] = [];
  const other = userId ?? '00000000-0000-0000-0000-000000000000';
  if (fields.primaryEmail !== undefined || fields.emails !== undefined) {
    await manager.query('SELECT pg_advisory_xact_lock($1)', [EMAIL_LOCK]);
  }
  if (fields.primaryEmail !== undefined) {
    const [clash] = await manager.query(
      'SELECT 1 FROM users WHERE id <> $1 AND EXISTS (SELECT 1 FROM unnest(emails) e WHERE lower(e) = lower($2)) LIMIT 1',
      [other, fields.primaryEmail],
    );
    if (clash) problems.push({ field: 'primaryEmail', messages: ['primaryEmail is already used by another user'] });
  }
  if (fields.emails?.length) {
    const lower = fields.emails.map((e) => e.toLowerCase());
    if (fields.primaryEmail !== undefined && lower.includes(fields.primaryEmail.toLowerCase())) {
      problems.push({ field: 'emails', messages: ['emails must not repeat the primary email'] });
    }
    const taken: { email: string }[] = await manager.query(
      `SELECT DISTINCT x.email FROM unnest($2::text[]) AS x(email)
        WHERE EXISTS (SELECT 1 FROM users u WHERE u.id <> $1
                        AND (lower(u.primary_email) = x.email OR EXISTS (SELECT 1 FROM unnest(u.emails) e WHERE lower(e) = x.email)))`,
      [other, lower],
    );
    if (taken.length) problems.push({ field: 'emails', messages: [`already used by another user: ${taken.map((t) => t.email).join(', ')}`] });
  }
  if (fields.securityProfiles?.length) {
    // FOR SHARE: a profile being deleted (FOR UPDATE, then a count of its holders) cannot lose the race
    // to a user who takes it up at the same moment; one side waits and sees the other's commit.
    const known = await manager.find(SecurityProfile, { where: { name: In(fields.securityProfiles) }, lock: { mode: 'pessimistic_read' } });
    const names = new Set(known.map((p) => p.name));
    const missing = fields.securityProfiles.filter((name) => !names.has(name));
    if (missing.length) problems.push({ field: 'securityProfiles', messages: [`unknown security profile ${missing.join(', ')}`] });
  }
  if (fields.groups?.length) {
    const groups = await manager.findBy(Group, { id: In(fields.groups) });
    const byId = new Map(groups.map((g) => [g.id, g]));
    const missing = fields.groups.filter((id) => !byId.has(id));
    const foreign = fields.groups.filter((id) => byId.has(id) && !(fields.organizationIds ?? []).includes(byId.get(id)!.organizationId));
    if (missing.length) problems.push({ field: 'groups', messages: [`unknown group ${missing.join(', ')}`] });
    if (foreign.length) problems.push({ field: 'groups', messages: [`group ${foreign.join(', ')} belongs to an organization the user is not a member of`] });
  }
  return problems;
}

/** Everything a create or an edit names, as the rules of user-rules.ts and user-write-rules.ts check it. */
export interface UserReferences {
  /** Username and primary email to keep unique; left out when an edit does not change them. */
  username?: string;
  primaryEmail?: string;
  memberships: MembershipState;
  /** The roles the user will hold, given or kept: each must belong to one of its organizations. */
  heldRoleIds: string[];
  contacts: ContactAndGroupFields;
}

/**
 * Every problem with the references of a user being created (`userId` null) or edited, field by
 * field, and the roles given (for their names). One connection serves the transaction, so the
 * queries run one after another.
 */
export async function userReferenceProblems(
  manager: EntityManager,
  userId: string | null,
  references: UserReferences,
): Promise<{ problems: FieldProblem[]; roles: Role[] }> {
  const { memberships } = references;
  const clashes = await identityClashes(manager, userId, references.username, references.primaryEmail);
  const organizations = memberships.organizationIds.length ? await manager.findBy(Organization, { id: In(memberships.organizationIds) }) : [];
  const units = await manager.findBy(BusinessUnit, { id: In([memberships.ownerBusinessUnitId, ...memberships.businessUnitIds]) });
  const roles = memberships.roleIds ? await manager.findBy(Role, { id: In(memberships.roleIds) }) : [];
  const known: KnownReferences = {
    organizationIds: new Set(organizations.map((o) => o.id)),
    unitOrganizations: new Map(units.map((u) => [u.id, u.organizationId])),
    roleIds: new Set(roles.map((r) => r.id)),
  };
  const problems = [
    ...identityClashProblems(clashes),
    ...membershipProblems(memberships, known),
    ...(await roleOrganizationProblems(manager, references.heldRoleIds, memberships.organizationIds)),
    ...(await contactAndGroupProblems(manager, references.contacts, userId)),
  ];
  return { problems, roles };
}

/** Whether another user holds the username or the primary email, ignoring case; only those given are looked up. */
async function identityClashes(manager: EntityManager, userId: string | null, username?: string, primaryEmail?: string): Promise<IdentityClashes> {
  const taken = async (column: string, value: string | undefined) =>
    value !== undefined && (await manager.query(`SELECT 1 FROM users WHERE lower(${column}) = lower($1) AND id IS DISTINCT FROM $2 LIMIT 1`, [value, userId])).length > 0;
  return { username: await taken('username', username), primaryEmail: await taken('primary_email', primaryEmail) };
}
