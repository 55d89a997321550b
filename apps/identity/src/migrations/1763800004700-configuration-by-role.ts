import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Configuration by role (DESIGN.md section 5): roles get a priority that orders their configurations,
 * organizations and roles get a configuration layer each. A layer goes with its organization or role.
 */
export class ConfigurationByRole1763800004700 implements MigrationInterface {
  name = 'ConfigurationByRole1763800004700';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE roles ADD COLUMN priority integer NOT NULL DEFAULT 0 CONSTRAINT roles_priority_range CHECK (priority BETWEEN -1000 AND 1000)');
    await runner.query(`CREATE TABLE organization_configurations (
      organization_id uuid PRIMARY KEY REFERENCES organizations (id) ON DELETE CASCADE,
      settings jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE role_configurations (
      role_id uuid PRIMARY KEY REFERENCES roles (id) ON DELETE CASCADE,
      settings jsonb NOT NULL DEFAULT '{}',
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE role_configurations');
    await runner.query('DROP TABLE organization_configurations');
    await runner.query('ALTER TABLE roles DROP COLUMN priority');
  }
}
