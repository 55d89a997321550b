import { Injectable } from '@nestjs/common';
import { CreateTicketCommentDto, Page, PageQueryDto, RpcRequest, TicketCommentView } from '@app/contracts';
import { Outbox } from '@app/bus';
import { pageOf, ServiceError } from '@app/service-kit';
import { idempotentValue } from '@app/service-kit/database';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketAccessService } from '../access/ticket-access.service';
import { applyScopes, COMMENT_COLUMNS, inScopes, scopesFor } from './ticket-scope';
import { TicketComment } from './ticket-comment.entity';
import { commentView } from './ticket-view';
import { TicketsService } from './tickets.service';
import { recordHistory } from './ticket-writes';

const INTERNAL = 'ticket_internal_comments';

/** Comments on a ticket the caller may view; internal ones only with `ticket_internal_comments`. */
@Injectable()
export class TicketCommentsService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly outbox: Outbox,
    private readonly access: TicketAccessService,
    private readonly tickets: TicketsService,
  ) {}

  async list(request: RpcRequest, ticketId: string, query: PageQueryDto): Promise<Page<TicketCommentView>> {
    const actor = await this.access.actorOf(request);
    // The gateway's scope is the comments'; whether the ticket is visible is tickets' own decision.
    await this.tickets.viewable(this.dataSource.manager, actor, null, ticketId);
    const scopes = scopesFor(actor, request, 'TicketComment', 'VIEW');
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource.getRepository(TicketComment).createQueryBuilder('c').where('c.ticketId = :ticketId', { ticketId });
    if (!actor.subject.hasCapability(INTERNAL)) qb.andWhere('c.internal = false');
    applyScopes(qb, scopes, COMMENT_COLUMNS);
    const [comments, total] = await qb.orderBy('c.createdAt', 'ASC').addOrderBy('c.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items: comments.map(commentView), total };
  }

  async create(request: RpcRequest, ticketId: string, dto: CreateTicketCommentDto): Promise<TicketCommentView> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, (manager) => idempotentValue(manager, request, async () => {
      const ticket = await this.tickets.viewable(manager, actor, null, ticketId);
      const internal = dto.internal ?? false;
      if (internal && !actor.subject.hasCapability(INTERNAL)) {
        throw new ServiceError(403, `Access denied: an internal comment needs the tickets capability ${INTERNAL}.`, 'ACCESS_DENIED', { missing: { capability: INTERNAL } });
      }
      const comment = { ticketId, authorId: actor.user.id, businessUnitId: ticket.businessUnitId, organizationId: ticket.organizationId, body: dto.body, internal };
      if (!inScopes(scopesFor(actor, request, 'TicketComment', 'CREATE'), commentRecord(comment as TicketComment))) {
        throw new ServiceError(403, `Access denied: your roles do not let you comment on ticket ${ticketId}.`, 'ACCESS_DENIED');
      }
      return commentView(await manager.save(manager.create(TicketComment, comment)));
    }));
  }

  /**
   * Deletes a comment the caller can see (internal ones need the capability) within its DELETE scope
   * on TicketComment; the ticket's history keeps who deleted which comment (not its text).
   */
  async delete(request: RpcRequest, ticketId: string, commentId: string): Promise<{ id: string; deleted: true }> {
    const actor = await this.access.actorOf(request);
    return this.outbox.transaction(request.requestId, async (manager) => {
      await this.tickets.viewable(manager, actor, null, ticketId, true);
      const comment = await manager.findOne(TicketComment, { where: { id: commentId, ticketId }, lock: { mode: 'pessimistic_write' } });
      const visible = comment && (!comment.internal || actor.subject.hasCapability(INTERNAL)) && inScopes(scopesFor(actor, null, 'TicketComment', 'VIEW'), commentRecord(comment));
      if (!comment || !visible) throw ServiceError.notFound(`comment ${commentId} of ticket ${ticketId}`);
      if (!inScopes(scopesFor(actor, request, 'TicketComment', 'DELETE'), commentRecord(comment))) {
        throw new ServiceError(403, `Access denied: your tickets roles do not let you delete comment ${commentId}.`, 'ACCESS_DENIED', { missing: { entity: 'TicketComment', action: 'DELETE' } });
      }
      await manager.delete(TicketComment, { id: commentId });
      await recordHistory(manager, ticketId, actor.user.id, [{ field: 'comment', oldValue: { id: comment.id, authorId: comment.authorId, internal: comment.internal }, newValue: null }]);
      return { id: commentId, deleted: true as const };
    });
  }
}

const commentRecord = (c: TicketComment) => ({ ownerUserId: c.authorId, ownerBusinessUnitId: c.businessUnitId, organizationId: c.organizationId });

