import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CreateServiceRequestDto, ListServiceRequestsDto, TicketsRpc } from '@app/contracts';
import { RequirePortalFeature } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Service tickets of the caller's client account, asked of tickets over RPC once the gateway has
 * checked SERVICE_TICKETS; while tickets is down these answer 503 and the rest of the portal works.
 * Statuses are read live from tickets, so a change made there shows at once.
 */
@Controller('portal/tickets')
export class PortalTicketsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePortalFeature('SERVICE_TICKETS')
  list(@Query() query: ListServiceRequestsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.serviceRequestsList, query, callContext(request));
  }

  @Post()
  @RequirePortalFeature('SERVICE_TICKETS')
  create(@Body() body: CreateServiceRequestDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.serviceRequestsCreate, body, keyedCallContext(request));
  }

  /** The request with its public comments only. */
  @Get(':id')
  @RequirePortalFeature('SERVICE_TICKETS')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.serviceRequestsGet, { id }, callContext(request));
  }
}
