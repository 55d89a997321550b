import { Body, Controller, Delete, Get, Param, Put, Req } from '@nestjs/common';
import { IdentityRpc, UserConfigurationDto } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/**
 * The configuration attached to a role (Aurea): it applies in every session where the role is active,
 * ordered by the roles' priority. Changing it is editing the role: Role EDIT reaching the role.
 */
@Controller('roles')
export class RoleConfigurationHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get(':id/configuration')
  @RequirePermission('Role', 'VIEW')
  configuration(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.roleConfigurationGet, { id }, callContext(request));
  }

  /** Attaches a configuration, replacing the role's values; a key left out is not set by the role. */
  @Put(':id/configuration')
  @RequirePermission('Role', 'EDIT')
  configure(@Param('id', uuidParam('id')) id: string, @Body() body: UserConfigurationDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.roleConfigurationPut, { ...body, id }, callContext(request));
  }

  @Delete(':id/configuration')
  @RequirePermission('Role', 'EDIT')
  detach(@Param('id', uuidParam('id')) id: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.roleConfigurationDelete, { id }, callContext(request));
  }
}
