import { Body, Controller, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateOrganizationDto, IdentityRpc, ListOrganizationsDto, RenameOrganizationDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('organizations')
export class OrganizationsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get()
  @RequirePermission('Organization', 'VIEW')
  list(@Query() query: ListOrganizationsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationsList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('Organization', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationsGet, { id }, callContext(request));
  }

  @Post()
  @RequirePermission('Organization', 'CREATE')
  create(@Body() body: CreateOrganizationDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationsCreate, body, keyedCallContext(request));
  }

  @Patch(':id')
  @RequirePermission('Organization', 'EDIT')
  rename(@Param('id', uuidParam('id')) id: string, @Body() body: RenameOrganizationDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationsRename, { ...body, id }, callContext(request));
  }
}
