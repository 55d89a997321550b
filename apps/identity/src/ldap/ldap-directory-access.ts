import { Subject } from '@app/acl';
import { FieldProblem } from '@app/contracts';
import { ServiceError } from '@app/service-kit';
import { EntityManager } from 'typeorm';
import { anyRoleDefinitions } from '../access/session-access';
import { assertGrantsHeld, assertPlacementsInScope } from '../access/write-checks';
import { directoryReachGap } from './ldap-directory-reach';

/** 403 unless the subject may administer the organization's directory (directoryReachGap). */
export function assertMayAdministerDirectory(subject: Subject, organizationId: string): void {
  const gap = directoryReachGap(subject, organizationId);
  if (!gap) return;
  if ('capability' in gap) {
    throw new ServiceError(403, `Access denied: this needs the capability ${gap.capability}.`, 'ACCESS_DENIED', { missing: gap });
  }
  throw new ServiceError(
    403,
    `Access denied: organization ${organizationId} is outside your ${gap.action} level on User (${gap.level}); a directory needs the whole organization.`,
    'ACCESS_DENIED',
    { missing: { entity: 'User', action: gap.action, level: 'ORGANIZATION' } },
  );
}

/** What a configuration gives imported users: where they sit and which roles they may get. */
export interface DirectoryGrants {
  ownerBusinessUnitId: string;
  roleMapping: { groupDn: string; roleId: string }[];
  defaultRoleIds: string[];
}

/**
 * The owner unit must be a unit of the organization, in the subject's User CREATE scope; every role
 * of the mapping and the defaults must exist, belong to the organization (or be system-wide), and
 * grant nothing the subject lacks, as every role assignment (write-checks.ts). 400 for references
 * that do not hold, 403 for reach.
 */
export async function assertDirectoryGrantable(db: EntityManager, subject: Subject, organizationId: string, grants: DirectoryGrants): Promise<void> {
  const problems: FieldProblem[] = [];
  const [unit]: { organizationId: string }[] = await db.query('SELECT organization_id AS "organizationId" FROM business_units WHERE id = $1', [grants.ownerBusinessUnitId]);
  if (!unit) problems.push({ field: 'ownerBusinessUnitId', messages: [`unknown business unit ${grants.ownerBusinessUnitId}`] });
  else if (unit.organizationId !== organizationId) problems.push({ field: 'ownerBusinessUnitId', messages: [`business unit ${grants.ownerBusinessUnitId} belongs to another organization`] });

  const roleIds = [...new Set([...grants.roleMapping.map((m) => m.roleId), ...grants.defaultRoleIds])];
  const rows: { id: string; organizationId: string | null }[] = await db.query('SELECT id, organization_id AS "organizationId" FROM roles WHERE id = ANY($1::uuid[])', [roleIds]);
  const organizationOf = new Map(rows.map((r) => [r.id, r.organizationId]));
  const roleProblem = (roleId: string): string | null => {
    if (!organizationOf.has(roleId)) return `unknown role ${roleId}`;
    const owner = organizationOf.get(roleId);
    return owner && owner !== organizationId ? `role ${roleId} belongs to another organization` : null;
  };
  grants.roleMapping.forEach((m, index) => {
    const problem = roleProblem(m.roleId);
    if (problem) problems.push({ field: `roleMapping.${index}.roleId`, messages: [problem] });
  });
  grants.defaultRoleIds.forEach((roleId, index) => {
    const problem = roleProblem(roleId);
    if (problem) problems.push({ field: `defaultRoleIds.${index}`, messages: [problem] });
  });
  if (problems.length) throw ServiceError.badInput(problems);

  assertPlacementsInScope(subject, 'User', 'CREATE', [{ field: 'ownerBusinessUnitId', placement: { organizationId, businessUnitId: grants.ownerBusinessUnitId } }]);
  assertGrantsHeld(subject, await anyRoleDefinitions(db, roleIds), 'a role of the role mapping or the default roles');
}
