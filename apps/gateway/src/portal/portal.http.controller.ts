import { Controller, Get, Req } from '@nestjs/common';
import { PortalRpc } from '@app/contracts';
import { Authenticated } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

@Controller('portal')
export class PortalHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** Everybody has the portal home; what it enables depends on their access profile. */
  @Get('home')
  @Authenticated()
  home(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.homeGet, {}, callContext(request));
  }
}
