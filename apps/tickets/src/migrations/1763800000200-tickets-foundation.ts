import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketsFoundation1763800000200 implements MigrationInterface {
  name = 'TicketsFoundation1763800000200';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ticket_users (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      email text NOT NULL,
      first_name text NOT NULL,
      last_name text NOT NULL,
      enabled boolean NOT NULL,
      status text NOT NULL DEFAULT 'NEW' CHECK (status IN ('NEW', 'ACTIVE')),
      organization_ids uuid[] NOT NULL,
      business_unit_ids uuid[] NOT NULL,
      owner_business_unit_id uuid NOT NULL,
      security_profiles text[] NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX ticket_users_status ON ticket_users (status, username)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE ticket_users');
  }
}
