import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Access profiles (the built-in MINIMUM among them), a user's access tied to its profile by name
 * (a rename follows, a profile in use cannot be deleted), client accounts with their ledger
 * (charges, payments: one payment per account and idempotency key), and the modules catalogue.
 */
export class PortalClientPortal1763800000400 implements MigrationInterface {
  name = 'PortalClientPortal1763800000400';

  async up(runner: QueryRunner): Promise<void> {
    await runner.query(`CREATE TABLE portal_access_profiles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      name_key text GENERATED ALWAYS AS (lower(name)) STORED CONSTRAINT portal_access_profiles_name_ci_unique UNIQUE,
      description text NOT NULL,
      features text[] NOT NULL,
      built_in boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT portal_access_profiles_name_unique UNIQUE (name)
    )`);
    await runner.query(`INSERT INTO portal_access_profiles (name, description, features, built_in)
      VALUES ('MINIMUM', 'Every CRM user: Help Guide, Blog and Live Chat.', ARRAY['HELP_GUIDE','BLOG','LIVE_CHAT'], true)`);
    await runner.query(`ALTER TABLE portal_user_access
      ADD COLUMN enabled boolean NOT NULL DEFAULT true,
      ADD CONSTRAINT portal_user_access_profile_fk FOREIGN KEY (profile) REFERENCES portal_access_profiles (name) ON UPDATE CASCADE ON DELETE RESTRICT`);
    await runner.query('CREATE INDEX portal_user_access_profile ON portal_user_access (profile)');

    await runner.query(`CREATE TABLE portal_accounts (
      organization_id uuid PRIMARY KEY,
      currency char(3) NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE portal_payments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES portal_accounts (organization_id),
      idempotency_key text NOT NULL,
      amount bigint NOT NULL CHECK (amount > 0),
      currency char(3) NOT NULL,
      method text NOT NULL,
      recorded_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT portal_payments_key_unique UNIQUE (organization_id, idempotency_key)
    )`);
    await runner.query(`CREATE TABLE portal_modules (
      key text PRIMARY KEY,
      name text NOT NULL,
      description text NOT NULL,
      monthly_price bigint NOT NULL CHECK (monthly_price >= 0),
      currency char(3) NOT NULL,
      position int NOT NULL
    )`);
    await runner.query(`INSERT INTO portal_modules (key, name, description, monthly_price, currency, position) VALUES
      ('CONTACTS', 'Contacts', 'Customers, their people and every conversation with them.', 1900, 'EUR', 1),
      ('SALES', 'Sales', 'Leads, opportunities and the pipeline.', 4900, 'EUR', 2),
      ('MARKETING', 'Marketing', 'Campaigns, lists and their results.', 3900, 'EUR', 3),
      ('SERVICE_DESK', 'Service Desk', 'Tickets, queues and service levels.', 2900, 'EUR', 4),
      ('REPORTS', 'Reports', 'Dashboards and scheduled reports.', 1500, 'EUR', 5)`);
    await runner.query(`CREATE TABLE portal_account_modules (
      organization_id uuid NOT NULL REFERENCES portal_accounts (organization_id),
      module_key text NOT NULL REFERENCES portal_modules (key),
      added_by uuid NOT NULL,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (organization_id, module_key)
    )`);
    await runner.query(`CREATE TABLE portal_module_changes (
      id bigserial PRIMARY KEY,
      organization_id uuid NOT NULL REFERENCES portal_accounts (organization_id),
      module_key text NOT NULL REFERENCES portal_modules (key),
      change text NOT NULL CHECK (change IN ('ADDED', 'REMOVED')),
      actor_id uuid NOT NULL,
      changed_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query(`CREATE TABLE portal_charges (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      organization_id uuid NOT NULL REFERENCES portal_accounts (organization_id),
      amount bigint NOT NULL CHECK (amount >= 0),
      currency char(3) NOT NULL,
      description text NOT NULL,
      module_key text REFERENCES portal_modules (key),
      charged_by uuid NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['portal_charges', 'portal_module_changes', 'portal_account_modules', 'portal_modules', 'portal_payments', 'portal_accounts']) await runner.query(`DROP TABLE ${table}`);
    await runner.query('ALTER TABLE portal_user_access DROP CONSTRAINT portal_user_access_profile_fk, DROP COLUMN enabled');
    await runner.query('DROP INDEX portal_user_access_profile');
    await runner.query('DROP TABLE portal_access_profiles');
  }
}
