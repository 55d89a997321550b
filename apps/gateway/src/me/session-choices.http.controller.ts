import { Controller, Get, Req } from '@nestjs/common';
import { IdentityRpc } from '@app/contracts';
import { Authenticated } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

/**
 * What the user may choose for a session: its organizations (to log in to another) and its role
 * assignments in this organization with their fixed/default flags (the login page's "select roles").
 * Only after the password: before it, nobody learns which roles an account holds.
 */
@Controller('me')
export class SessionChoicesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('session-choices')
  @Authenticated()
  choices(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.sessionChoicesGet, {}, callContext(request));
  }
}
