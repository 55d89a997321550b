import type { AclAction, ExplainedRecord } from '@app/acl';
import { EntityManager } from 'typeorm';

/** Identity's entities whose single records explain and who-can-see look up. */
export const IDENTITY_RECORD_ENTITIES = ['User', 'BusinessUnit', 'Organization', 'Role'] as const;

export type IdentityRecordEntity = (typeof IDENTITY_RECORD_ENTITIES)[number];

export const isIdentityRecordEntity = (entity: string): entity is IdentityRecordEntity => (IDENTITY_RECORD_ENTITIES as readonly string[]).includes(entity);

/**
 * A record's ownership as libs/acl reads it, described as each resource's own scope checks describe
 * it (users: their organizations and owner unit; a unit owns itself; an organization is its own;
 * a role its organization), or null when there is no such record.
 */
export async function loadExplainedRecord(db: EntityManager, entity: IdentityRecordEntity, id: string, action: AclAction): Promise<ExplainedRecord | null> {
  switch (entity) {
    case 'User': {
      const [user]: { organizationIds: string[]; ownerBusinessUnitId: string }[] = await db.query(
        'SELECT organization_ids AS "organizationIds", owner_business_unit_id AS "ownerBusinessUnitId" FROM users WHERE id = $1',
        [id],
      );
      return user ?? null;
    }
    case 'BusinessUnit': {
      const [unit]: { organizationId: string }[] = await db.query('SELECT organization_id AS "organizationId" FROM business_units WHERE id = $1', [id]);
      return unit ? { organizationId: unit.organizationId, ownerBusinessUnitId: id } : null;
    }
    case 'Organization': {
      const [organization]: { id: string }[] = await db.query('SELECT id FROM organizations WHERE id = $1', [id]);
      return organization ? { organizationId: organization.id } : null;
    }
    case 'Role': {
      const [role]: { organizationId: string | null }[] = await db.query('SELECT organization_id AS "organizationId" FROM roles WHERE id = $1', [id]);
      if (!role) return null;
      if (role.organizationId !== null || action !== 'VIEW') return { organizationId: role.organizationId };
      // The roles service shows a system-wide role to anyone who may view roles: it counts as in every organization.
      const organizations: { id: string }[] = await db.query('SELECT id FROM organizations');
      return { organizationIds: organizations.map((organization) => organization.id) };
    }
  }
}
