import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateTicketSecurityProfileDto, PageQueryDto, TicketsRpc, UpdateTicketSecurityProfileDto } from '@app/contracts';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/** Tickets security profiles (named sets of tickets roles, matched by name against CRM profiles). */
@Controller('tickets/security-profiles')
export class TicketSecurityProfilesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireCapability('ticket_user_security')
  list(@Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.securityProfilesList, query, callContext(request));
  }

  @Get(':id')
  @RequireCapability('ticket_user_security')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.securityProfilesGet, { id }, callContext(request));
  }

  @Post()
  @RequireCapability('ticket_user_security')
  create(@Body() body: CreateTicketSecurityProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.securityProfilesCreate, body, keyedCallContext(request));
  }

  @Patch(':id')
  @RequireCapability('ticket_user_security')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateTicketSecurityProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.securityProfilesUpdate, { ...body, id }, callContext(request));
  }

  @Delete(':id')
  @RequireCapability('ticket_user_security')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.securityProfilesDelete, { id }, callContext(request));
  }
}
