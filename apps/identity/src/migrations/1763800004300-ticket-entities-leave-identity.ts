import { MigrationInterface, QueryRunner } from 'typeorm';

/** The entities identity's catalogue no longer carries: tickets' own security roles govern them. */
const TICKET_ENTITIES = ['Ticket', 'TicketComment', 'TicketRole', 'TicketSecurityProfile'];

/**
 * Ticket entities leave identity's roles (DESIGN.md section 6): a stored grant on one of them would
 * no longer compile (libs/acl refuses unknown entities), so every role loses its entity and field
 * grants on them, the seeded ADMINISTRATOR included. Capabilities stay (`ticket_user_security` is
 * identity's). Down cannot know which grants there were and leaves roles as they are.
 */
export class TicketEntitiesLeaveIdentity1763800004300 implements MigrationInterface {
  name = 'TicketEntitiesLeaveIdentity1763800004300';

  async up(runner: QueryRunner): Promise<void> {
    for (const column of ['permissions', 'field_permissions']) {
      await runner.query(
        `UPDATE roles SET ${column} = (SELECT coalesce(jsonb_agg(p ORDER BY n), '[]'::jsonb) FROM jsonb_array_elements(${column}) WITH ORDINALITY AS e(p, n) WHERE NOT (p->>'entity' = ANY($1::text[])))
          WHERE EXISTS (SELECT 1 FROM jsonb_array_elements(${column}) AS e(p) WHERE p->>'entity' = ANY($1::text[]))`,
        [TICKET_ENTITIES],
      );
    }
  }

  async down(): Promise<void> {
    // Nothing to restore: the grants were meaningless once tickets enforced its own roles.
  }
}
