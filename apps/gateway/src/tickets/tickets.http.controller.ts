import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateTicketDto, ListTicketsDto, TicketsPatterns, TransitionDto, UpdateTicketDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Tickets. The gateway checks identity's roles (the route's permission and its scope); the tickets
 * service then checks its own security roles and that the caller is an ACTIVE tickets user.
 */
@Controller('tickets')
export class TicketsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequirePermission('Ticket', 'CREATE')
  create(@Body() body: CreateTicketDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.ticketsCreate, body, callContext(request));
  }

  @Get()
  @RequirePermission('Ticket', 'VIEW')
  list(@Query() query: ListTicketsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.ticketsList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('Ticket', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.ticketsGet, { id }, callContext(request));
  }

  @Patch(':id')
  @RequirePermission('Ticket', 'EDIT')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateTicketDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.ticketsUpdate, { ...body, id }, callContext(request));
  }

  /** `{ to }`: 409 naming both states when the move is not in the transition table. */
  @Post(':id/transitions')
  @HttpCode(200)
  @RequirePermission('Ticket', 'EDIT')
  transition(@Param('id', uuidParam('id')) id: string, @Body() body: TransitionDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.ticketsTransition, { ...body, id }, callContext(request));
  }
}
