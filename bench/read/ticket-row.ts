/** The ticket row both baselines read (the bare server and the floor's worker), and the view the gateway answers for it. */
export const TICKET_ROW_SQL = `SELECT id, type, subject, description, status, priority, owner_id, assignee_id, requester_id, business_unit_id, organization_id, due_date, created_at, updated_at
  FROM tickets WHERE id = $1 AND deleted_at IS NULL`;

interface TicketRow {
  id: string;
  type: string;
  subject: string;
  description: string | null;
  status: string;
  priority: string;
  owner_id: string;
  assignee_id: string | null;
  requester_id: string | null;
  business_unit_id: string;
  organization_id: string;
  due_date: Date | null;
  created_at: Date;
  updated_at: Date;
}

export function ticketViewOfRow(t: TicketRow): Record<string, unknown> {
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
}

export const NOT_FOUND = { statusCode: 404, error: 'Not Found', message: 'no such ticket' };
