import { Injectable } from '@nestjs/common';
import { CreateTicketDto, FieldProblem, ListTicketsDto, Page, RpcRequest, TicketStatus, TicketView, UpdateTicketDto } from '@app/contracts';
import { Outbox } from '@app/bus';
import { containsPattern, pageOf, ServiceError } from '@app/service-kit';
import { idempotentValue } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { AclAction } from '@app/acl';
import { Brackets, DataSource, EntityManager } from 'typeorm';
import { TicketAccessService, TicketsActor } from '../access/ticket-access.service';
import { personProblem, unitInOrganization } from './ticket-people';
import { applyScopes, inScopes, OWNED_COLUMNS, scopesFor, ticketRecord } from './ticket-scope';
import { canTransition, TICKET_TRANSITIONS } from './ticket-transitions';
import { asTicket, readTicket, TICKET_WITH_CALLER } from './ticket-read';
import { ticketView } from './ticket-view';
import { changeTicket, deleteTicket, insertTicket } from './ticket-writes';
import { TicketUser } from '../users/ticket-user.entity';
import { Ticket } from './ticket.entity';

const SORT_COLUMNS = { createdAt: 't.createdAt', updatedAt: 't.updatedAt', dueDate: 't.dueDate', priority: 't.priorityRank', status: 't.statusRank', subject: 't.subject' } as const;

/** Tickets for tickets users: every call passes tickets' own ACL (and the gateway's scope) first. */
@Injectable()
export class TicketsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: TicketAccessService,
  ) {}

  async create(request: RpcRequest, dto: CreateTicketDto): Promise<TicketView> {
    const actor = await this.access.actorOf(request);
    const scopes = scopesFor(actor, request, 'Ticket', 'CREATE');
    const businessUnitId = unitInOrganization(actor.user, actor.organizationId, actor.tree);
    if (!businessUnitId) throw new ServiceError(403, 'Access denied: you belong to no business unit of this organization to file the ticket under.', 'ACCESS_DENIED');
    const values: Partial<Ticket> = {
      type: dto.type,
      subject: dto.subject.trim(),
      description: dto.description ?? null,
      status: 'NEW',
      priority: dto.priority ?? 'NORMAL',
      ownerId: actor.user.id,
      assigneeId: dto.assigneeId ?? null,
      requesterId: dto.requesterId ?? actor.user.id,
      businessUnitId,
      organizationId: actor.organizationId,
      dueDate: dto.dueDate ? new Date(dto.dueDate) : null,
    };
    if (!inScopes(scopes, ticketRecord(values as Ticket))) throw new ServiceError(403, 'Access denied: your roles do not let you create this ticket.', 'ACCESS_DENIED');
    return this.outbox.transaction(request.requestId, (manager, publish) =>
      idempotentValue(manager, request, async () => {
        await assertPeople(manager, values, actor.organizationId);
        return insertTicket(manager, publish, actor.user.id, values);
      }),
    );
  }

  async list(request: RpcRequest, query: ListTicketsDto): Promise<Page<TicketView>> {
    const actor = await this.access.actorOf(request);
    const scopes = scopesFor(actor, request, 'Ticket', 'VIEW');
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(Ticket).createQueryBuilder('t').where('t.deletedAt IS NULL');
    for (const field of ['status', 'type', 'priority', 'assigneeId', 'requesterId'] as const) {
      if (query[field] !== undefined) qb.andWhere(`t.${field} = :${field}`, { [field]: query[field] });
    }
    if (query.dueBefore) qb.andWhere('t.dueDate < :dueBefore', { dueBefore: new Date(query.dueBefore) });
    if (query.dueAfter) qb.andWhere('t.dueDate > :dueAfter', { dueAfter: new Date(query.dueAfter) });
    if (query.q) {
      const q = containsPattern(query.q);
      qb.andWhere(new Brackets((or) => or.where("t.subject ILIKE :q ESCAPE '\\'", { q }).orWhere("t.description ILIKE :q ESCAPE '\\'", { q })));
    }
    applyScopes(qb, scopes, OWNED_COLUMNS);
    const direction = (query.order ?? (query.sort ? 'asc' : 'desc')).toUpperCase() as 'ASC' | 'DESC';
    qb.orderBy(SORT_COLUMNS[query.sort ?? 'createdAt'], direction, 'NULLS LAST').addOrderBy('t.id', direction);
    const [tickets, total] = await qb.take(limit).skip(offset).getManyAndCount();
    return { items: tickets.map(ticketView), total };
  }

  /** The caller and the row in one statement; the row is only answered once the caller is known to see it. */
  async get(request: RpcRequest, id: string): Promise<TicketView> {
    const { actor, row } = await this.access.actorWith<Ticket>(request, TICKET_WITH_CALLER, id);
    return ticketView(this.visible(actor, request, id, asTicket(row)));
  }

  async update(request: RpcRequest, id: string, dto: UpdateTicketDto): Promise<TicketView> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const ticket = await this.reachable(manager, actor, request, id, 'EDIT');
      const changes: Partial<Ticket> = {};
      if (dto.type !== undefined) changes.type = dto.type;
      if (dto.subject !== undefined) changes.subject = dto.subject.trim();
      if (dto.description !== undefined) changes.description = dto.description;
      if (dto.priority !== undefined) changes.priority = dto.priority;
      if (dto.assigneeId !== undefined) changes.assigneeId = dto.assigneeId;
      if (dto.requesterId !== undefined) changes.requesterId = dto.requesterId;
      if (dto.dueDate !== undefined) changes.dueDate = dto.dueDate === null ? null : new Date(dto.dueDate);
      await assertPeople(manager, { assigneeId: changes.assigneeId, requesterId: changes.requesterId }, ticket.organizationId);
      return changeTicket(manager, publish, actor.user.id, ticket, changes);
    });
  }

  /** Moves the status along TICKET_TRANSITIONS; any other move is a 409 naming both states. */
  async transition(request: RpcRequest, id: string, to: TicketStatus): Promise<TicketView> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const ticket = await this.reachable(manager, actor, request, id, 'EDIT');
      if (!canTransition(ticket.status, to)) {
        const allowed = TICKET_TRANSITIONS[ticket.status];
        throw new ServiceError(
          409,
          `A ticket cannot go from ${ticket.status} to ${to}; from ${ticket.status} it may go to ${allowed.length ? allowed.join(', ') : 'no other status'}.`,
          'TRANSITION_NOT_ALLOWED',
          { from: ticket.status, to, allowed },
        );
      }
      return changeTicket(manager, publish, actor.user.id, ticket, { status: to });
    });
  }

  /**
   * Gives the ticket to another owner (DESIGN.md section 3): ASSIGN must reach the ticket as it is and
   * as it will be, filed under the new owner's unit. The new owner must be an ACTIVE, enabled tickets
   * user of the ticket's organization. One history entry per changed field.
   */
  async assignOwner(request: RpcRequest, id: string, ownerId: string): Promise<TicketView> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const ticket = await this.reachable(manager, actor, request, id, 'ASSIGN');
      const problem = await personProblem(manager, 'ownerId', ownerId, ticket.organizationId, true);
      if (problem) throw ServiceError.badInput([problem]);
      const owner = await manager.findOneByOrFail(TicketUser, { id: ownerId });
      const businessUnitId = unitInOrganization(owner, ticket.organizationId, actor.tree);
      if (!businessUnitId) throw ServiceError.badInput([{ field: 'ownerId', messages: [`ownerId ${ownerId} (${owner.username}) belongs to no business unit of the ticket's organization`] }]);
      const next = { ownerId, businessUnitId, organizationId: ticket.organizationId };
      if (!inScopes(scopesFor(actor, request, 'Ticket', 'ASSIGN'), ticketRecord(next))) {
        throw new ServiceError(403, `Access denied: the new owner ${owner.username} lies beyond your ASSIGN level on Ticket.`, 'ACCESS_DENIED', { missing: { entity: 'Ticket', action: 'ASSIGN' } });
      }
      return changeTicket(manager, publish, actor.user.id, ticket, { ownerId, businessUnitId });
    });
  }

  /** Deletes (hides) a ticket within the DELETE scope; its history records who deleted it. */
  async delete(request: RpcRequest, id: string): Promise<{ id: string; deleted: true }> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, async (manager, publish) => {
      const ticket = await this.reachable(manager, actor, request, id, 'DELETE');
      return deleteTicket(manager, publish, actor.user.id, ticket);
    });
  }

  /** A ticket the caller may view; missing, deleted and out of scope look the same (404). */
  async viewable(manager: EntityManager, actor: TicketsActor, request: RpcRequest | null, id: string, lock = false): Promise<Ticket> {
    return this.visible(actor, request, id, await readTicket(manager, id, lock));
  }

  private visible(actor: TicketsActor, request: RpcRequest | null, id: string, ticket: Ticket | null): Ticket {
    if (!ticket || !inScopes(scopesFor(actor, request, 'Ticket', 'VIEW'), ticketRecord(ticket))) throw ServiceError.notFound(`ticket ${id}`);
    return ticket;
  }

  /** A ticket the caller may `action`, locked: 404 when it cannot even see it, 403 when it may only see it. */
  private async reachable(manager: EntityManager, actor: TicketsActor, request: RpcRequest, id: string, action: AclAction): Promise<Ticket> {
    // The gateway's scope belongs to the route's action; viewing is tickets' own decision here.
    const ticket = await this.viewable(manager, actor, null, id, true);
    if (!inScopes(scopesFor(actor, request, 'Ticket', action), ticketRecord(ticket))) {
      throw new ServiceError(403, `Access denied: your tickets roles do not let you ${action.toLowerCase()} ticket ${id}.`, 'ACCESS_DENIED', { missing: { entity: 'Ticket', action } });
    }
    return ticket;
  }
}

/** Assignee (ACTIVE) and requester must be enabled tickets users of the ticket's organization. */
async function assertPeople(manager: EntityManager, values: { assigneeId?: string | null; requesterId?: string }, organizationId: string): Promise<void> {
  const problems: (FieldProblem | null)[] = [];
  if (values.assigneeId) problems.push(await personProblem(manager, 'assigneeId', values.assigneeId, organizationId, true));
  if (values.requesterId) problems.push(await personProblem(manager, 'requesterId', values.requesterId, organizationId, false));
  const found = problems.filter((p): p is FieldProblem => p !== null);
  if (found.length) throw ServiceError.badInput(found);
}
