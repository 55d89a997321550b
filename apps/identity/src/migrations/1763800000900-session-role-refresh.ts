import { MigrationInterface, QueryRunner } from 'typeorm';

/** When a session's active roles were last computed, for the role refresh interval (DESIGN.md section 4). */
export class SessionRoleRefresh1763800000900 implements MigrationInterface {
  name = 'SessionRoleRefresh1763800000900';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sessions ADD COLUMN roles_refreshed_at timestamptz NOT NULL DEFAULT now()');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE sessions DROP COLUMN roles_refreshed_at');
  }
}
