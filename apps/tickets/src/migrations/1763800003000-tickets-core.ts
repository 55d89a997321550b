import { MigrationInterface, QueryRunner } from 'typeorm';

/** Tickets' roles, security profiles, User Security, the business-unit mirror, tickets, comments, history. */
export class TicketsCore1763800003000 implements MigrationInterface {
  name = 'TicketsCore1763800003000';

  async up(runner: QueryRunner): Promise<void> {
    // Bumped whenever what the user's compiled subject depends on changes (roles held, units).
    await runner.query('ALTER TABLE ticket_users ADD COLUMN access_version bigint NOT NULL DEFAULT 0');
    // One row: bumped when a role definition or the business-unit tree changes (every subject depends on those).
    await runner.query('CREATE TABLE ticket_acl_state (id smallint PRIMARY KEY CHECK (id = 1), version bigint NOT NULL)');
    await runner.query('INSERT INTO ticket_acl_state (id, version) VALUES (1, 0)');
    await runner.query(`CREATE TABLE ticket_business_units (
      id uuid PRIMARY KEY,
      organization_id uuid NOT NULL,
      parent_id uuid,
      changed_at timestamptz NOT NULL
    )`);
    await runner.query(`CREATE TABLE ticket_roles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      label text,
      read_only boolean NOT NULL DEFAULT false,
      permissions jsonb NOT NULL DEFAULT '[]',
      capabilities jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX ticket_roles_name_ci ON ticket_roles (lower(name))');
    await runner.query(`CREATE TABLE ticket_security_profiles (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      name text NOT NULL,
      description text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE UNIQUE INDEX ticket_security_profiles_name_ci ON ticket_security_profiles (lower(name))');
    await runner.query(`CREATE TABLE ticket_security_profile_roles (
      profile_id uuid NOT NULL REFERENCES ticket_security_profiles (id) ON DELETE CASCADE,
      role_id uuid NOT NULL REFERENCES ticket_roles (id),
      PRIMARY KEY (profile_id, role_id)
    )`);
    await runner.query(`CREATE TABLE ticket_user_roles (
      user_id uuid NOT NULL REFERENCES ticket_users (id) ON DELETE CASCADE,
      role_id uuid NOT NULL REFERENCES ticket_roles (id),
      PRIMARY KEY (user_id, role_id)
    )`);
    await runner.query('CREATE INDEX ticket_user_roles_role ON ticket_user_roles (role_id)');
    await runner.query(`CREATE TABLE tickets (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      type text NOT NULL CHECK (type IN ('TASK', 'CUSTOMER_ISSUE', 'PROJECT', 'SERVICE_REQUEST')),
      subject text NOT NULL,
      description text,
      status text NOT NULL CHECK (status IN ('NEW', 'OPEN', 'IN_PROGRESS', 'WAITING', 'RESOLVED', 'CLOSED')),
      priority text NOT NULL CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
      owner_id uuid NOT NULL REFERENCES ticket_users (id),
      assignee_id uuid REFERENCES ticket_users (id),
      requester_id uuid NOT NULL REFERENCES ticket_users (id),
      business_unit_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      due_date timestamptz,
      -- Sort keys in the order people mean, not the alphabet.
      priority_rank smallint GENERATED ALWAYS AS (CASE priority WHEN 'LOW' THEN 0 WHEN 'NORMAL' THEN 1 WHEN 'HIGH' THEN 2 ELSE 3 END) STORED,
      status_rank smallint GENERATED ALWAYS AS (CASE status WHEN 'NEW' THEN 0 WHEN 'OPEN' THEN 1 WHEN 'IN_PROGRESS' THEN 2 WHEN 'WAITING' THEN 3 WHEN 'RESOLVED' THEN 4 ELSE 5 END) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX tickets_organization_status ON tickets (organization_id, status)');
    await runner.query('CREATE INDEX tickets_owner ON tickets (owner_id)');
    await runner.query('CREATE INDEX tickets_business_unit ON tickets (business_unit_id)');
    await runner.query('CREATE INDEX tickets_assignee ON tickets (assignee_id)');
    await runner.query('CREATE INDEX tickets_requester ON tickets (requester_id)');
    await runner.query('CREATE INDEX tickets_due_date ON tickets (due_date)');
    await runner.query(`CREATE TABLE ticket_comments (
      id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
      ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      author_id uuid NOT NULL REFERENCES ticket_users (id),
      business_unit_id uuid NOT NULL,
      organization_id uuid NOT NULL,
      body text NOT NULL,
      internal boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`);
    await runner.query('CREATE INDEX ticket_comments_ticket ON ticket_comments (ticket_id, created_at)');
    await runner.query(`CREATE TABLE ticket_history (
      id bigserial PRIMARY KEY,
      ticket_id uuid NOT NULL REFERENCES tickets (id) ON DELETE CASCADE,
      actor_id uuid NOT NULL,
      at timestamptz NOT NULL DEFAULT now(),
      field text NOT NULL,
      old_value jsonb,
      new_value jsonb
    )`);
    await runner.query('CREATE INDEX ticket_history_ticket ON ticket_history (ticket_id, id)');
  }

  async down(runner: QueryRunner): Promise<void> {
    for (const table of ['ticket_history', 'ticket_comments', 'tickets', 'ticket_user_roles', 'ticket_security_profile_roles', 'ticket_security_profiles', 'ticket_roles', 'ticket_business_units', 'ticket_acl_state']) {
      await runner.query(`DROP TABLE ${table}`);
    }
    await runner.query('ALTER TABLE ticket_users DROP COLUMN access_version');
  }
}
