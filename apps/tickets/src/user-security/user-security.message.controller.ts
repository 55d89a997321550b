import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { InjectDataSource } from '@nestjs/typeorm';
import { ListUserSecurityDto, RpcPatterns, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { DataSource } from 'typeorm';
import { TicketUser } from '../users/ticket-user.entity';

export interface UserSecurityItem {
  id: string;
  username: string;
  status: string;
  roles: string[];
}

@Controller()
export class UserSecurityMessageController {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** OrangeTask's User Security list: by status, NEW being the users still waiting for roles. */
  @MessagePattern(RpcPatterns.tickets.userSecurityList)
  async list(@Payload() request: RpcRequest): Promise<{ items: UserSecurityItem[]; total: number }> {
    const query = await parsePayload(ListUserSecurityDto, request);
    const [users, total] = await this.dataSource.getRepository(TicketUser).findAndCount({
      where: query.status ? { status: query.status } : {},
      order: { username: 'ASC' },
      take: query.limit ?? 50,
      skip: query.offset ?? 0,
    });
    // Ticket roles arrive with the User Security issue; until then no user holds one.
    return { items: users.map((u) => ({ id: u.id, username: u.username, status: u.status, roles: [] })), total };
  }
}
