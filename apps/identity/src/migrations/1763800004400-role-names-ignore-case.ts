import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Role names are unique ignoring case, as the service already checks, now also for two creates racing
 * each other (as tickets' roles and every profile name are).
 */
export class RoleNamesIgnoreCase1763800004400 implements MigrationInterface {
  name = 'RoleNamesIgnoreCase1763800004400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE roles DROP CONSTRAINT roles_name_key');
    await runner.query('CREATE UNIQUE INDEX roles_name_ci ON roles (lower(name))');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP INDEX roles_name_ci');
    await runner.query('ALTER TABLE roles ADD CONSTRAINT roles_name_key UNIQUE (name)');
  }
}
