import { MigrationInterface, QueryRunner } from 'typeorm';

/** Password-reset tokens, API keys and export jobs: only hashes of secrets are stored. */
export class IdentityCredentials1763800002000 implements MigrationInterface {
  name = 'IdentityCredentials1763800002000';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE password_reset_tokens (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      token_hash text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      used_at timestamptz
    )`);
    await runner.query('CREATE INDEX password_reset_tokens_user ON password_reset_tokens (user_id)');
    // One key per user per organization (OroCRM); regenerating replaces the row, key id included.
    await runner.query(`CREATE TABLE api_keys (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      key_hash text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      UNIQUE (user_id, organization_id)
    )`);
    await runner.query(`CREATE TABLE export_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      entity text NOT NULL,
      status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
      requested_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      file_path text,
      row_count int,
      size_bytes bigint,
      error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['export_jobs', 'api_keys', 'password_reset_tokens']) await runner.query(`DROP TABLE ${table}`);
  }
}
