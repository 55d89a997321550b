import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ids of the events a consuming service has applied, so a redelivery has no second effect. */
export class CreateInbox1763800000001 implements MigrationInterface {
  name = 'CreateInbox1763800000001';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE inbox (
      event_id uuid PRIMARY KEY,
      type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE inbox');
  }
}
