import { AclScope, AudienceCandidate, buildOwnerTree, BusinessUnitNode, RoleDefinition } from '@app/acl';
import { SUITE_ACL } from '@app/contracts';
import { EntityManager } from 'typeorm';
import { userScopeCondition } from '../users/user-scope';

interface AudienceUser {
  id: string;
  username: string;
  organizationIds: string[];
  businessUnitIds: string[];
}

type HeldRole = RoleDefinition & { userId: string; organizationId: string | null };

/**
 * Who might reach a record: every enabled user inside `userScope` (the asker's User VIEW scope, so
 * the answer names nobody the asker may not see), once per organization of theirs, holding every
 * role of theirs that counts there (any of them can be selected at login), with the whole unit tree.
 */
export async function audienceCandidates(db: EntityManager, userScope: AclScope): Promise<{ candidates: AudienceCandidate[]; usernames: Map<string, string> }> {
  const inScope = userScopeCondition(userScope, 'u', 1);
  const users: AudienceUser[] = await db.query(
    `SELECT u.id, u.username, u.organization_ids AS "organizationIds", u.business_unit_ids AS "businessUnitIds"
       FROM users u WHERE u.enabled AND ${inScope.sql} ORDER BY lower(u.username)`,
    inScope.params,
  );
  const held: HeldRole[] = await db.query(
    `SELECT ur.user_id AS "userId", r.organization_id AS "organizationId", r.name, r.read_only AS "readOnly", r.permissions, r.capabilities,
            r.field_permissions AS "fieldPermissions"
       FROM user_roles ur JOIN roles r ON r.id = ur.role_id WHERE ur.user_id = ANY($1::uuid[]) ORDER BY r.name`,
    [users.map((user) => user.id)],
  );
  const units: BusinessUnitNode[] = await db.query('SELECT id, parent_id AS "parentId", organization_id AS "organizationId" FROM business_units');
  const tree = buildOwnerTree(units);
  const rolesByUser = new Map<string, HeldRole[]>();
  for (const role of held) rolesByUser.set(role.userId, [...(rolesByUser.get(role.userId) ?? []), role]);

  const candidates: AudienceCandidate[] = users.flatMap((user) =>
    user.organizationIds.map((organizationId) => ({
      catalogue: SUITE_ACL,
      roles: (rolesByUser.get(user.id) ?? [])
        .filter((role) => role.organizationId === null || role.organizationId === organizationId)
        .map(({ name, readOnly, permissions, capabilities, fieldPermissions }) => ({ name, readOnly, permissions, capabilities, fieldPermissions })),
      context: { userId: user.id, organizationId, businessUnitIds: user.businessUnitIds },
      tree,
    })),
  );
  return { candidates, usernames: new Map(users.map((user) => [user.id, user.username])) };
}
