import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityFoundation1763800000100 implements MigrationInterface {
  name = 'IdentityFoundation1763800000100';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE organizations (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE business_units (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES organizations (id),
      parent_id uuid REFERENCES business_units (id),
      name text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX business_units_organization ON business_units (organization_id)');
    await runner.query(`CREATE TABLE roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL UNIQUE,
      label text,
      read_only boolean NOT NULL DEFAULT false,
      permissions jsonb NOT NULL DEFAULT '[]',
      capabilities jsonb NOT NULL DEFAULT '[]',
      field_permissions jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE users (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      username text NOT NULL,
      password_hash text NOT NULL,
      enabled boolean NOT NULL DEFAULT true,
      auth_status text NOT NULL DEFAULT 'ACTIVE' CHECK (auth_status IN ('ACTIVE', 'LOCKED', 'PASSWORD_RESET')),
      failed_logins int NOT NULL DEFAULT 0,
      name_prefix text,
      first_name text NOT NULL,
      middle_name text,
      last_name text NOT NULL,
      name_suffix text,
      primary_email text NOT NULL,
      owner_business_unit_id uuid NOT NULL REFERENCES business_units (id),
      organization_ids uuid[] NOT NULL DEFAULT '{}',
      business_unit_ids uuid[] NOT NULL DEFAULT '{}',
      security_profiles text[] NOT NULL DEFAULT '{}',
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX users_username_ci ON users (lower(username))');
    await runner.query('CREATE UNIQUE INDEX users_primary_email_ci ON users (lower(primary_email))');
    await runner.query(`CREATE TABLE user_roles (
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      role_id uuid NOT NULL REFERENCES roles (id),
      fixed boolean NOT NULL DEFAULT false,
      is_default boolean NOT NULL DEFAULT false,
      PRIMARY KEY (user_id, role_id)
    )`);
    await runner.query(`CREATE TABLE sessions (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      user_id uuid NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      organization_id uuid REFERENCES organizations (id),
      active_roles jsonb NOT NULL,
      roles_selected boolean NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      expires_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_reason text
    )`);
    await runner.query('CREATE INDEX sessions_user_open ON sessions (user_id) WHERE ended_at IS NULL');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['sessions', 'user_roles', 'users', 'roles', 'business_units', 'organizations']) {
      await runner.query(`DROP TABLE ${table}`);
    }
  }
}
