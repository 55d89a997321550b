import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Temporary lockout (DESIGN.md section 5): when a temporary lock ends (null for a permanent one), and
 * how many locks came in a row since the last successful login, which makes each wait longer.
 */
export class LockoutModes1763800004100 implements MigrationInterface {
  name = 'LockoutModes1763800004100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users ADD COLUMN locked_until timestamptz NULL, ADD COLUMN lock_count int NOT NULL DEFAULT 0');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE users DROP COLUMN locked_until, DROP COLUMN lock_count');
  }
}
