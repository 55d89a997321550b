import { Body, Controller, Get, Param, Put, Req } from '@nestjs/common';
import { IdentityRpc, UserConfigurationDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/** The organization's configuration layer: what its users get before their roles' and their own values. */
@Controller('organizations')
export class OrganizationConfigurationHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/configuration')
  @RequirePermission('Organization', 'VIEW')
  configuration(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationConfigurationGet, { id }, callContext(request));
  }

  /** Replaces the organization's values; a key left out falls back to the system default. */
  @Put(':id/configuration')
  @RequirePermission('Organization', 'EDIT')
  configure(@Param('id', uuidParam('id')) id: string, @Body() body: UserConfigurationDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.organizationConfigurationPut, { ...body, id }, callContext(request));
  }
}
