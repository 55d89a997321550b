import { Body, Controller, Get, Param, Put, Query, Req } from '@nestjs/common';
import { AssignTicketRolesDto, ListUserSecurityDto, TicketsRpc } from '@app/contracts';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/** OrangeTask's User Security: users by status, tickets roles by hand. */
@Controller('tickets/user-security')
export class UserSecurityHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireCapability('ticket_user_security')
  list(@Query() query: ListUserSecurityDto, @Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call(TicketsRpc.userSecurityList, query, callContext(request));
  }

  /** The user's whole set of tickets roles → `{ id, status, roles }`; `[]` makes the user NEW again. */
  @Put(':userId/roles')
  @RequireCapability('ticket_user_security')
  assignRoles(@Param('userId', uuidParam('userId')) userId: string, @Body() body: AssignTicketRolesDto, @Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call(TicketsRpc.userSecurityAssignRoles, { ...body, userId }, callContext(request));
  }
}
