import { Body, Controller, Post, Req } from '@nestjs/common';
import { CreateUserDto, IdentityRpc } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest } from '../auth/principal';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('users')
export class UsersHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequirePermission('User', 'CREATE')
  create(@Body() body: CreateUserDto, @Req() request: AuthenticatedRequest): Promise<unknown> {
    return this.rpc.call(IdentityRpc.usersCreate, body, keyedCallContext(request));
  }
}
