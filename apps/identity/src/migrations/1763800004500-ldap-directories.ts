import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * LDAP directories (OroCRM EE): at most one per organization, its bind password stored encrypted
 * (AES-256-GCM, key LDAP_SECRET_KEY), and the import jobs that read it into users. A user imported
 * from a directory keeps its distinguished name and the directory that manages it, and has no password
 * hash: it logs in by binding to the directory. ADMINISTRATOR gains the new capability ldap_directories
 * (a first start gives it every capability; this is for databases seeded before).
 */
export class LdapDirectories1763800004500 implements MigrationInterface {
  name = 'LdapDirectories1763800004500';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE ldap_directories (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL UNIQUE REFERENCES organizations (id) ON DELETE CASCADE,
      url text NOT NULL,
      bind_dn text NOT NULL,
      bind_password_encrypted text NOT NULL,
      base_dn text NOT NULL,
      user_filter text NOT NULL,
      attribute_mapping jsonb NOT NULL,
      role_mapping jsonb NOT NULL DEFAULT '[]',
      owner_business_unit_id uuid NOT NULL REFERENCES business_units (id),
      default_role_ids uuid[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('ALTER TABLE users ALTER COLUMN password_hash DROP NOT NULL');
    await runner.query(`ALTER TABLE users
      ADD COLUMN ldap_dn text NULL,
      ADD COLUMN ldap_directory_id uuid NULL REFERENCES ldap_directories (id) ON DELETE SET NULL`);
    // A DN compares without regard to case (for the attribute types directories use in practice).
    await runner.query('CREATE UNIQUE INDEX users_ldap_dn ON users (ldap_directory_id, lower(ldap_dn)) WHERE ldap_directory_id IS NOT NULL');
    // Only directory users go without a password; a hand-made user always has one.
    await runner.query('ALTER TABLE users ADD CONSTRAINT users_password_or_directory CHECK (password_hash IS NOT NULL OR ldap_dn IS NOT NULL)');
    await runner.query(`CREATE TABLE ldap_import_jobs (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id) ON DELETE CASCADE,
      status text NOT NULL DEFAULT 'QUEUED' CHECK (status IN ('QUEUED', 'RUNNING', 'DONE', 'FAILED')),
      requested_by uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      actor jsonb NOT NULL,
      total int NOT NULL DEFAULT 0,
      processed int NOT NULL DEFAULT 0,
      created int NOT NULL DEFAULT 0,
      updated int NOT NULL DEFAULT 0,
      disabled int NOT NULL DEFAULT 0,
      errors jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now(),
      started_at timestamptz,
      finished_at timestamptz
    )`);
    await runner.query('CREATE INDEX ldap_import_jobs_open ON ldap_import_jobs (created_at) WHERE status IN (\'QUEUED\', \'RUNNING\')');
    await runner.query(
      `UPDATE roles SET capabilities = capabilities || '["ldap_directories"]'::jsonb
        WHERE name = 'ADMINISTRATOR' AND NOT capabilities ? 'ldap_directories'`,
    );
  }

  async down(runner: QueryRunner): Promise<void> {
    await runner.query(`UPDATE roles SET capabilities = capabilities - 'ldap_directories' WHERE name = 'ADMINISTRATOR'`);
    await runner.query('DROP TABLE ldap_import_jobs');
    await runner.query('ALTER TABLE users DROP CONSTRAINT users_password_or_directory');
    await runner.query('DROP INDEX users_ldap_dn');
    await runner.query('ALTER TABLE users DROP COLUMN ldap_directory_id, DROP COLUMN ldap_dn');
    await runner.query('ALTER TABLE users ALTER COLUMN password_hash SET NOT NULL');
    await runner.query('DROP TABLE ldap_directories');
  }
}
