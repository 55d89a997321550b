import { Body, Controller, Delete, Get, Param, Post, Put, Query, Req } from '@nestjs/common';
import { catalogueView } from '@app/acl';
import { IdentityRoleBodyDto, IdentityRpc, ListRolesDto, SUITE_ACL } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('roles')
export class RolesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('Role', 'VIEW')
  list(@Query() query: ListRolesDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.rolesList, query, callContext(request));
  }

  /** What a role may hold: entities with their actions and allowed levels, fields, capabilities. */
  @Get('catalogue')
  @RequirePermission('Role', 'VIEW')
  catalogue() {
    return catalogueView(SUITE_ACL);
  }

  @Get(':id')
  @RequirePermission('Role', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.rolesGet, { id }, callContext(request));
  }

  @Post()
  @RequirePermission('Role', 'CREATE')
  create(@Body() body: IdentityRoleBodyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.rolesCreate, body, keyedCallContext(request));
  }

  /** The whole definition, as on create: a role is read whole, so it is replaced whole. */
  @Put(':id')
  @RequirePermission('Role', 'EDIT')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: IdentityRoleBodyDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.rolesUpdate, { ...body, id }, callContext(request));
  }

  @Delete(':id')
  @RequirePermission('Role', 'DELETE')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.rolesDelete, { id }, callContext(request));
  }
}
