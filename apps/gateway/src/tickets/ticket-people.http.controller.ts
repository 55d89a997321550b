import { Controller, Get, Query, Req } from '@nestjs/common';
import { ListTicketPeopleDto, TicketsRpc } from '@app/contracts';
import { RequireTicketPermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

/** The people a ticket may be assigned or given to; registered before `tickets/:id`. */
@Controller('tickets/people')
export class TicketPeopleHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireTicketPermission('Ticket', 'VIEW')
  list(@Query() query: ListTicketPeopleDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.peopleList, query, callContext(request));
  }
}
