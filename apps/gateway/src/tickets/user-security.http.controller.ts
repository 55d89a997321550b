import { Controller, Get, Query, Req } from '@nestjs/common';
import { ListUserSecurityDto, RpcPatterns } from '@app/contracts';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

@Controller('tickets/user-security')
export class UserSecurityHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireCapability('ticket_user_security')
  list(@Query() query: ListUserSecurityDto, @Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call('tickets', RpcPatterns.tickets.userSecurityList, query, callContext(request));
  }
}
