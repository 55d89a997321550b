import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * An export job keeps what its requester could see when asking (their User VIEW scope, as libs/acl
 * computed it) and whether its file may hold password hashes, so that a run, or a run again after a
 * stop, writes exactly that. Jobs from before this migration get the NONE scope and no hashes: if one
 * is still to run, it writes the header only rather than every user.
 */
export class ExportScope1763800004200 implements MigrationInterface {
  name = 'ExportScope1763800004200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`ALTER TABLE export_jobs ADD COLUMN scope jsonb NOT NULL DEFAULT '{"level": "NONE"}'`);
    await runner.query('ALTER TABLE export_jobs ALTER COLUMN scope DROP DEFAULT');
    await runner.query('ALTER TABLE export_jobs ADD COLUMN include_password_hashes boolean NOT NULL DEFAULT false');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE export_jobs DROP COLUMN include_password_hashes, DROP COLUMN scope');
  }
}
