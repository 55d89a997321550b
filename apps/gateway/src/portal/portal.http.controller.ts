import { Controller, Get, Param, Req } from '@nestjs/common';
import { PortalRpc } from '@app/contracts';
import { Authenticated, RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

@Controller('portal')
export class PortalHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** Everybody has the portal home; what it enables depends on their access profile. */
  @Get('home')
  @Authenticated()
  home(@Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call(PortalRpc.homeGet, {}, callContext(request));
  }

  @Get('users/:userId/access')
  @RequireCapability('portal_access_admin')
  access(@Param('userId', uuidParam('userId')) userId: string, @Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call(PortalRpc.accessGet, { userId }, callContext(request));
  }
}
