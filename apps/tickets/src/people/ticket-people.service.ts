import { Injectable } from '@nestjs/common';
import { ListTicketPeopleDto, Page, RpcRequest, TicketPersonView } from '@app/contracts';
import { containsPattern, pageOf } from '@app/service-kit';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource } from 'typeorm';
import { TicketAccessService } from '../access/ticket-access.service';
import { TicketUser } from '../users/ticket-user.entity';

/**
 * Whom a ticket may be assigned or given to: the ACTIVE, enabled tickets users of the caller's
 * organization (what personProblem accepts for assigneeId and ownerId), so pages can offer names.
 */
@Injectable()
export class TicketPeopleService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly access: TicketAccessService,
  ) {}

  async list(request: RpcRequest, query: ListTicketPeopleDto): Promise<Page<TicketPersonView>> {
    const actor = await this.access.actorOf(request);
    const { limit, offset } = pageOf(query);
    const qb = this.dataSource
      .getRepository(TicketUser)
      .createQueryBuilder('u')
      .where("u.status = 'ACTIVE'")
      .andWhere('u.enabled = true')
      .andWhere(':organizationId = ANY(u.organizationIds)', { organizationId: actor.organizationId });
    if (query.q) {
      const q = containsPattern(query.q);
      qb.andWhere(
        new Brackets((or) =>
          or.where("u.username ILIKE :q ESCAPE '\\'", { q }).orWhere("u.firstName ILIKE :q ESCAPE '\\'", { q }).orWhere("u.lastName ILIKE :q ESCAPE '\\'", { q }),
        ),
      );
    }
    const [users, total] = await qb.orderBy('u.username', 'ASC').addOrderBy('u.id', 'ASC').take(limit).skip(offset).getManyAndCount();
    return { items: users.map(({ id, username, firstName, lastName }) => ({ id, username, firstName, lastName })), total };
  }
}
