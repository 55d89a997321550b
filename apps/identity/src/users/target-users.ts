import { Subject } from '@app/acl';
import { recordMatchesScope, ScopeColumns } from '@app/acl/typeorm';
import { EntityManager } from 'typeorm';
import { assertTargetsCovered } from '../access/write-checks';
import { AuthStatus } from '../users/user.entity';

/** A user an administrator acts on, with what the credential mails and the scope check need. */
export interface TargetUser {
  id: string;
  username: string;
  primaryEmail: string;
  firstName: string;
  lastName: string;
  enabled: boolean;
  authStatus: AuthStatus;
  organizationIds: string[];
  ownerBusinessUnitId: string;
  /** The organization of the owning business unit: the record's organization for the ACL. */
  ownerOrganizationId: string;
  /** Set for a user of an LDAP directory: its password is the directory's, never set here. */
  ldapDirectoryId: string | null;
}

/** Acting on an account, the owner unit and that unit's organization decide, not the user's memberships. */
const OWNER_SCOPE_COLUMNS: ScopeColumns = { organizationId: 'ownerOrganizationId', ownerBusinessUnitId: 'ownerBusinessUnitId' };

/**
 * Locks the given users for the transaction and returns those inside the actor's User EDIT scope
 * (User is BUSINESS_UNIT-owned: its owner unit and that unit's organization decide). A user outside
 * the scope is left out exactly like an unknown one, so the answer does not reveal that it exists.
 * A user in scope who holds a grant the actor lacks is a 403: nobody takes over a stronger account.
 */
export async function lockTargetUsers(manager: EntityManager, ids: string[], actor: Subject): Promise<Map<string, TargetUser>> {
  const rows: TargetUser[] = await manager.query(
    `SELECT u.id, u.username, u.primary_email AS "primaryEmail", u.first_name AS "firstName", u.last_name AS "lastName",
            u.enabled, u.auth_status AS "authStatus", u.organization_ids AS "organizationIds",
            u.owner_business_unit_id AS "ownerBusinessUnitId", bu.organization_id AS "ownerOrganizationId",
            u.ldap_directory_id AS "ldapDirectoryId"
       FROM users u JOIN business_units bu ON bu.id = u.owner_business_unit_id
      WHERE u.id = ANY($1::uuid[])
      ORDER BY u.id
        FOR UPDATE OF u`,
    [ids],
  );
  const scope = actor.scope('User', 'EDIT');
  const inScope = rows.filter((u) => recordMatchesScope(scope, OWNER_SCOPE_COLUMNS, u));
  await assertTargetsCovered(manager, actor, inScope.map((u) => u.id));
  return new Map(inScope.map((u) => [u.id, u]));
}
