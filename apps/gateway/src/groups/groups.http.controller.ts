import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateGroupDto, IdentityRpc, ListGroupsDto, RenameGroupDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('groups')
export class GroupsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('Group', 'VIEW')
  list(@Query() query: ListGroupsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.groupsList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('Group', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.groupsGet, { id }, callContext(request));
  }

  @Post()
  @RequirePermission('Group', 'CREATE')
  create(@Body() body: CreateGroupDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.groupsCreate, body, keyedCallContext(request));
  }

  @Patch(':id')
  @RequirePermission('Group', 'EDIT')
  rename(@Param('id', uuidParam('id')) id: string, @Body() body: RenameGroupDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.groupsRename, { ...body, id }, callContext(request));
  }

  @Delete(':id')
  @RequirePermission('Group', 'DELETE')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.groupsDelete, { id }, callContext(request));
  }
}
