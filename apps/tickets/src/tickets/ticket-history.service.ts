import { Injectable } from '@nestjs/common';
import { pageOf } from '@app/service-kit';
import { Page, PageQueryDto, RpcRequest, TicketHistoryView } from '@app/contracts';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TicketAccessService } from '../access/ticket-access.service';
import { TicketHistory } from './ticket-history.entity';
import { TicketsService } from './tickets.service';

/** Every change of a ticket the caller may view, oldest first. */
@Injectable()
export class TicketHistoryService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TicketAccessService,
    private readonly tickets: TicketsService,
  ) {}

  async list(request: RpcRequest, ticketId: string, query: PageQueryDto): Promise<Page<TicketHistoryView>> {
    const actor = await this.access.actorOf(request);
    await this.tickets.viewable(this.dataSource.manager, actor, request, ticketId);
    const { limit, offset } = pageOf(query);
    const [entries, total] = await this.dataSource.getRepository(TicketHistory).findAndCount({ where: { ticketId }, order: { id: 'ASC' }, take: limit, skip: offset });
    return {
      items: entries.map((e) => ({ id: e.id, actorId: e.actorId, at: e.at.toISOString(), field: e.field, oldValue: e.oldValue, newValue: e.newValue })),
      total,
    };
  }
}
