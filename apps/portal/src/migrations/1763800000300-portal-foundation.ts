import { MigrationInterface, QueryRunner } from 'typeorm';

export class PortalFoundation1763800000300 implements MigrationInterface {
  name = 'PortalFoundation1763800000300';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE portal_user_access (
      user_id uuid PRIMARY KEY,
      username text NOT NULL,
      organization_ids uuid[] NOT NULL,
      profile text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE portal_user_access');
  }
}
