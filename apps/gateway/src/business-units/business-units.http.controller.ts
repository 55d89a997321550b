import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { CreateBusinessUnitDto, IdentityRpc, ListBusinessUnitsDto, MoveBusinessUnitDto, RenameBusinessUnitDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

@Controller('business-units')
export class BusinessUnitsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  /** The units in scope in tree order (parentId and depth on each), `?organizationId=` for one tree. */
  @Get()
  @RequirePermission('BusinessUnit', 'VIEW')
  list(@Query() query: ListBusinessUnitsDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.businessUnitsList, query, callContext(request));
  }

  @Get(':id')
  @RequirePermission('BusinessUnit', 'VIEW')
  get(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.businessUnitsGet, { id }, callContext(request));
  }

  @Post()
  @RequirePermission('BusinessUnit', 'CREATE')
  create(@Body() body: CreateBusinessUnitDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.businessUnitsCreate, body, keyedCallContext(request));
  }

  @Patch(':id')
  @RequirePermission('BusinessUnit', 'EDIT')
  rename(@Param('id', uuidParam('id')) id: string, @Body() body: RenameBusinessUnitDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.businessUnitsRename, { ...body, id }, callContext(request));
  }

  @Post(':id/move')
  @HttpCode(200)
  @RequirePermission('BusinessUnit', 'EDIT')
  move(@Param('id', uuidParam('id')) id: string, @Body() body: MoveBusinessUnitDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.businessUnitsMove, { ...body, id }, callContext(request));
  }
}
