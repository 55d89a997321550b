import { Body, Controller, HttpCode, Post, Req } from '@nestjs/common';
import { ConfirmPasswordResetDto, IdentityRpc, PasswordChanged } from '@app/contracts';
import { Public } from '@app/service-kit';
import type { FastifyRequest } from 'fastify';
import { callContext } from './principal';
import { RpcClient } from '../rpc/rpc.client';

/** Where the mailed reset link leads: public, since the user cannot log in until it is done. */
@Controller('auth/password-reset')
export class PasswordResetConfirmHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Post('confirm')
  @Public()
  @HttpCode(200)
  confirm(@Body() body: ConfirmPasswordResetDto, @Req() request: FastifyRequest): Promise<PasswordChanged> {
    return this.rpc.call(IdentityRpc.passwordResetsConfirm, body, callContext(request));
  }
}
