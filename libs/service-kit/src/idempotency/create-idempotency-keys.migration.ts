import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The first answer of each keyed create, per caller and `Idempotency-Key`, written in the create's
 * own transaction (see idempotent-create.ts). Every creating service lists this migration.
 */
export class CreateIdempotencyKeys1763800009000 implements MigrationInterface {
  name = 'CreateIdempotencyKeys1763800009000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE idempotency_keys (
      caller_id uuid NOT NULL,
      key text NOT NULL,
      request_hash text NOT NULL,
      response jsonb,
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (caller_id, key)
    )`);
    await runner.query('CREATE INDEX idempotency_keys_created_at ON idempotency_keys (created_at)');
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE idempotency_keys');
  }
}
