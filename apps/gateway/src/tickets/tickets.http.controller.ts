import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { AssignTicketOwnerDto, CreateTicketDto, ListTicketsDto, TicketsRpc, TransitionDto, UpdateTicketDto } from '@app/contracts';
import { RequireTicketPermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/**
 * Tickets, governed by tickets' own security roles alone: the gateway refuses a caller who is not an
 * ACTIVE, enabled tickets user (TICKETS_ACCESS_NOT_ACTIVE) or whose tickets roles lack the route's
 * permission, and sends the scope; the tickets service filters by it and checks again.
 */
@Controller('tickets')
export class TicketsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Post()
  @RequireTicketPermission('Ticket', 'CREATE')
  create(@Body() body: CreateTicketDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsCreate, body, keyedCallContext(request));
  }

  @Get()
  @RequireTicketPermission('Ticket', 'VIEW')
  list(@Query() query: ListTicketsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsList, query, callContext(request));
  }

  @Get(':id')
  @RequireTicketPermission('Ticket', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsGet, { id }, callContext(request));
  }

  @Patch(':id')
  @RequireTicketPermission('Ticket', 'EDIT')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateTicketDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsUpdate, { ...body, id }, callContext(request));
  }

  /** `{ to }`: 409 naming both states when the move is not in the transition table. */
  @Post(':id/transitions')
  @HttpCode(200)
  @RequireTicketPermission('Ticket', 'EDIT')
  transition(@Param('id', uuidParam('id')) id: string, @Body() body: TransitionDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsTransition, { ...body, id }, callContext(request));
  }

  /** `{ ownerId }`: ASSIGN reaching the old and the new owner; the new owner an ACTIVE tickets user of the organization. */
  @Post(':id/assign-owner')
  @HttpCode(200)
  @RequireTicketPermission('Ticket', 'ASSIGN')
  assignOwner(@Param('id', uuidParam('id')) id: string, @Body() body: AssignTicketOwnerDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsAssignOwner, { ...body, id }, callContext(request));
  }

  /** Hides the ticket and its comments; its history keeps the deletion. */
  @Delete(':id')
  @RequireTicketPermission('Ticket', 'DELETE')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.ticketsDelete, { id }, callContext(request));
  }
}
