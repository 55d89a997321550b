import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { catalogueView } from '@app/acl';
import { ListRolesDto, RoleBodyDto, TICKETS_ACL, TicketsRpc } from '@app/contracts';
import { RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/** Tickets security roles, the same shape as /api/roles; administering tickets is identity's `ticket_user_security`. */
@Controller('tickets/roles')
export class TicketRolesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequireCapability('ticket_user_security')
  list(@Query() query: ListRolesDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.rolesList, query, callContext(request));
  }

  /** What a tickets role may hold (the tickets catalogue), as /api/roles/catalogue. */
  @Get('catalogue')
  @RequireCapability('ticket_user_security')
  catalogue() {
    return catalogueView(TICKETS_ACL);
  }

  @Get(':id')
  @RequireCapability('ticket_user_security')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.rolesGet, { id }, callContext(request));
  }

  @Post()
  @RequireCapability('ticket_user_security')
  create(@Body() body: RoleBodyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.rolesCreate, body, keyedCallContext(request));
  }

  @Put(':id')
  @RequireCapability('ticket_user_security')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: RoleBodyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.rolesUpdate, { ...body, id }, callContext(request));
  }

  @Delete(':id')
  @RequireCapability('ticket_user_security')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.rolesDelete, { id }, callContext(request));
  }
}
