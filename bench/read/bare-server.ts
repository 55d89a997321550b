import Fastify, { FastifyInstance } from 'fastify';
import { Pool } from 'pg';

/**
 * The baseline: a bare Fastify server that reads a ticket row with `pg` and answers the view the
 * gateway answers (same fields, same JSON), with no authentication, ACL or bus in between.
 */
export async function startBareTicketServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app: FastifyInstance = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/tickets/:id', async (request, reply) => {
    const { rows } = await pool.query(
      `SELECT id, type, subject, description, status, priority, owner_id, assignee_id, requester_id, business_unit_id, organization_id, due_date, created_at, updated_at
         FROM tickets WHERE id = $1 AND deleted_at IS NULL`,
      [request.params.id],
    );
    const t = rows[0];
    if (!t) return reply.code(404).send({ statusCode: 404, error: 'Not Found', message: 'no such ticket' });
    return {
      id: t.id,
      type: t.type,
      subject: t.subject,
      description: t.description,
      status: t.status,
      priority: t.priority,
      ownerId: t.owner_id,
      assigneeId: t.assignee_id,
      requesterId: t.requester_id,
      businessUnitId: t.business_unit_id,
      organizationId: t.organization_id,
      dueDate: t.due_date ? t.due_date.toISOString() : null,
      createdAt: t.created_at.toISOString(),
      updatedAt: t.updated_at.toISOString(),
    };
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  return {
    url,
    async close() {
      await app.close();
      await pool.end();
    },
  };
}
