import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Roles per organization (OroCRM EE): a role belongs to one organization or, with none, is
 * system-wide. Existing roles stay system-wide. ADMINISTRATOR gains role_escalate, the capability
 * that lets it grant beyond its own grants (it holds every grant anyway).
 */
export class RolesPerOrganization1763800004000 implements MigrationInterface {
  name = 'RolesPerOrganization1763800004000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE roles ADD COLUMN organization_id uuid REFERENCES organizations (id) ON DELETE CASCADE');
    await runner.query('CREATE INDEX roles_organization ON roles (organization_id)');
    await runner.query(
      `UPDATE roles SET capabilities = capabilities || '["role_escalate"]'::jsonb
        WHERE name = 'ADMINISTRATOR' AND NOT capabilities ? 'role_escalate'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE roles SET capabilities = capabilities - 'role_escalate' WHERE name = 'ADMINISTRATOR'`);
    await runner.query('ALTER TABLE roles DROP COLUMN organization_id');
  }
}
