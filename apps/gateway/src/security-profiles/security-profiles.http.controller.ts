import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateSecurityProfileDto, IdentityRpc, ListSecurityProfilesDto, UpdateSecurityProfileDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('security-profiles')
export class SecurityProfilesHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('SecurityProfile', 'VIEW')
  list(@Query() query: ListSecurityProfilesDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.securityProfilesList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('SecurityProfile', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.securityProfilesGet, { id }, callContext(request));
  }

  @Post()
  @RequirePermission('SecurityProfile', 'CREATE')
  create(@Body() body: CreateSecurityProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.securityProfilesCreate, body, keyedCallContext(request));
  }

  @Patch(':id')
  @RequirePermission('SecurityProfile', 'EDIT')
  update(@Param('id', uuidParam('id')) id: string, @Body() body: UpdateSecurityProfileDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.securityProfilesUpdate, { ...body, id }, callContext(request));
  }

  @Delete(':id')
  @RequirePermission('SecurityProfile', 'DELETE')
  delete(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.securityProfilesDelete, { id }, callContext(request));
  }
}
