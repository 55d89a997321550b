import { Injectable } from '@nestjs/common';
import { CreateServiceRequestDto, ListServiceRequestsDto, Page, RpcRequest, ServiceRequestView, TicketView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, ServiceError } from '@app/service-kit';
import { idempotentValue } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, IsNull } from 'typeorm';
import { TicketAccessService } from '../access/ticket-access.service';
import { unitInOrganization } from '../tickets/ticket-people';
import { commentView, ticketView } from '../tickets/ticket-view';
import { TicketComment } from '../tickets/ticket-comment.entity';
import { insertTicket } from '../tickets/ticket-writes';
import { Ticket } from '../tickets/ticket.entity';

/**
 * The portal's service tickets (DESIGN.md section 7): a portal user submits and views the service
 * requests of its client account, the organization of its session. The portal decides who may
 * (its access tiers); tickets checks that the caller is an enabled member of that organization.
 */
@Injectable()
export class ServiceRequestsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: TicketAccessService,
  ) {}

  async create(request: RpcRequest, dto: CreateServiceRequestDto): Promise<TicketView> {
    const { user, organizationId, tree } = await this.access.memberOf(request);
    const businessUnitId = unitInOrganization(user, organizationId, tree);
    if (!businessUnitId) throw new ServiceError(403, 'Access denied: you belong to no business unit of this client account.', 'ACCESS_DENIED');
    return this.outbox.transaction(request.requestId, (manager, publish) =>
      idempotentValue(manager, request, () => insertTicket(manager, publish, user.id, {
        type: 'SERVICE_REQUEST',
        subject: dto.subject.trim(),
        description: dto.description ?? null,
        status: 'NEW',
        priority: dto.priority ?? 'NORMAL',
        ownerId: user.id,
        assigneeId: null,
        requesterId: user.id,
        businessUnitId,
        organizationId,
        dueDate: null,
      })),
    );
  }

  async list(request: RpcRequest, query: ListServiceRequestsDto): Promise<Page<TicketView>> {
    const { organizationId } = await this.access.memberOf(request);
    const { limit, offset } = pageOf(query);
    const [tickets, total] = await this.dataSource.getRepository(Ticket).findAndCount({
      where: { type: 'SERVICE_REQUEST', organizationId, deletedAt: IsNull(), ...(query.status ? { status: query.status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: tickets.map(ticketView), total };
  }

  /** One of the account's service requests with its public comments; any other ticket is not found. */
  async get(request: RpcRequest, id: string): Promise<ServiceRequestView> {
    const { organizationId } = await this.access.memberOf(request);
    const ticket = await this.dataSource.getRepository(Ticket).findOneBy({ id, type: 'SERVICE_REQUEST', organizationId, deletedAt: IsNull() });
    if (!ticket) throw ServiceError.notFound(`service request ${id}`);
    const comments = await this.dataSource.getRepository(TicketComment).find({ where: { ticketId: id, internal: false }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { ...ticketView(ticket), comments: comments.map(commentView) };
  }
}
