import Fastify, { FastifyInstance } from 'fastify';
import { Pool } from 'pg';
import { NOT_FOUND, TICKET_ROW_SQL, ticketViewOfRow } from './ticket-row';

/**
 * The baseline: a bare Fastify server that reads a ticket row with `pg` and answers the view the
 * gateway answers (same fields, same JSON), with no authentication, ACL or bus in between.
 */
export async function startBareTicketServer(databaseUrl: string): Promise<{ url: string; close(): Promise<void> }> {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const app: FastifyInstance = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/tickets/:id', async (request, reply) => {
    const { rows } = await pool.query(TICKET_ROW_SQL, [request.params.id]);
    if (!rows[0]) return reply.code(404).send(NOT_FOUND);
    return ticketViewOfRow(rows[0]);
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
