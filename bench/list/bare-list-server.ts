import Fastify from 'fastify';
import { Pool } from 'pg';

/**
 * The baseline of the list: a bare Fastify server running hand-written SQL for the same page of a
 * DIVISION scope: the subtree of the user's units by a recursive CTE, tickets filed under it or owned
 * by the user, newest first, with the total. No authentication, ACL engine or bus.
 */
export async function startBareListServer(databaseUrl: string, subject: { organizationId: string; businessUnitIds: string[]; userId: string }) {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app = Fastify({ logger: false });
  app.get<{ Querystring: { limit?: string; offset?: string } }>('/tickets', async (request) => {
    const limit = Math.min(Number(request.query.limit ?? 50), 500);
    const offset = Number(request.query.offset ?? 0);
    const { rows } = await pool.query(
      `WITH RECURSIVE division AS (
         SELECT id FROM ticket_business_units WHERE id = ANY($2::uuid[])
         UNION SELECT u.id FROM ticket_business_units u JOIN division d ON u.parent_id = d.id
       )
       SELECT id, type, subject, description, status, priority, owner_id, assignee_id, requester_id, business_unit_id, organization_id, due_date, created_at, updated_at,
              count(*) OVER () AS total
         FROM tickets
        WHERE deleted_at IS NULL AND organization_id = $1 AND (business_unit_id IN (SELECT id FROM division) OR owner_id = $3)
        ORDER BY created_at DESC, id DESC LIMIT $4 OFFSET $5`,
      [subject.organizationId, subject.businessUnitIds, subject.userId, limit, offset],
    );
    return {
      items: rows.map((t) => ({
        id: t.id, type: t.type, subject: t.subject, description: t.description, status: t.status, priority: t.priority,
        ownerId: t.owner_id, assigneeId: t.assignee_id, requesterId: t.requester_id, businessUnitId: t.business_unit_id, organizationId: t.organization_id,
        dueDate: t.due_date ? t.due_date.toISOString() : null, createdAt: t.created_at.toISOString(), updatedAt: t.updated_at.toISOString(),
      })),
      total: rows.length ? Number(rows[0].total) : 0,
    };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return { url, close: async () => { await app.close(); await pool.end(); } };
}
