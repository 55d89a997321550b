import { Body, Controller, Delete, Get, Headers, Param, Post, Query, Req } from '@nestjs/common';
import { CreatePaymentDto, ModuleKeyDto, PageQueryDto, PortalRpc } from '@app/contracts';
import { RequirePortalFeature } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';
import { idempotencyKeyOf, keyedCallContext } from '../http/idempotency-key-header';

/**
 * The caller's client account (its session's organization): payments and the ledger behind
 * PAYMENTS, modules behind MODULES; the gateway checks the feature before the portal is called.
 */
@Controller('portal')
export class PortalAccountHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('account')
  @RequirePortalFeature('PAYMENTS')
  account(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.accountGet, {}, callContext(request));
  }

  @Get('payments')
  @RequirePortalFeature('PAYMENTS')
  payments(@Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.paymentsList, query, callContext(request));
  }

  /** A repeated `Idempotency-Key` with the same body answers the first payment; another body is 409. */
  @Post('payments')
  @RequirePortalFeature('PAYMENTS')
  pay(@Body() body: CreatePaymentDto, @Headers('idempotency-key') key: string | undefined, @Req() request: AuthenticatedRequest) {
    const idempotencyKey = idempotencyKeyOf(key, true);
    return this.rpc.call(PortalRpc.paymentsCreate, { amount: body.amount, currency: body.currency, method: body.method, idempotencyKey }, callContext(request));
  }

  @Get('modules')
  @RequirePortalFeature('MODULES')
  modules(@Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.modulesList, {}, callContext(request));
  }

  @Post('modules/:key')
  @RequirePortalFeature('MODULES')
  addModule(@Param() params: ModuleKeyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.modulesAdd, { key: params.key }, keyedCallContext(request));
  }

  @Delete('modules/:key')
  @RequirePortalFeature('MODULES')
  removeModule(@Param() params: ModuleKeyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(PortalRpc.modulesRemove, { key: params.key }, callContext(request));
  }
}
