import { FieldProblem } from '@app/contracts';
import { EntityManager, In } from 'typeorm';
import { Group } from '../groups/group.entity';
import { SecurityProfile } from '../security-profiles/security-profile.entity';

/** Any fixed number: serialises the email-uniqueness check of concurrent creates and edits. */
const EMAIL_LOCK = 7_310_002;

/** The directory references of a user being created or edited; only the fields given are checked. */
export interface DirectoryFields {
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
export async function checkDirectoryReferences(manager: EntityManager, fields: DirectoryFields, userId: string | null): Promise<FieldProblem[]> {
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
    const known = await manager.findBy(SecurityProfile, { name: In(fields.securityProfiles) });
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
