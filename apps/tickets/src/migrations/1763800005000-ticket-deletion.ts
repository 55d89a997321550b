import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Deleting a ticket hides it (soft delete) so that its history, the deletion included, stays on
 * record; every read leaves deleted tickets out.
 */
export class TicketDeletion1763800005000 implements MigrationInterface {
  name = 'TicketDeletion1763800005000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE tickets ADD COLUMN deleted_at timestamptz');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('ALTER TABLE tickets DROP COLUMN deleted_at');
  }
}
