import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRpc, IdPayloadDto, PutLayerConfigurationPayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { scopeOf } from '../access/scope-checks';
import { OrganizationConfigurationService } from './organization-configuration.service';
import { RoleConfigurationService } from './role-configuration.service';

/**
 * The layers under a user's own configuration: an organization's (scoped like organization routes,
 * by the gateway's scope) and a role's (reads by the gateway's scope, writes by the actor's subject,
 * as role routes).
 */
@Controller()
export class LayerConfigurationMessageController {
  constructor(
    private readonly organizations: OrganizationConfigurationService,
    private readonly roles: RoleConfigurationService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.organizationConfigurationGet)
  async organizationGet(@Payload() request: RpcRequest) {
    return this.organizations.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.organizationConfigurationPut)
  async organizationPut(@Payload() request: RpcRequest) {
    const { id, ...values } = await parsePayload(PutLayerConfigurationPayloadDto, request);
    return this.organizations.put(id, values, scopeOf(request), request.requestId);
  }

  @RpcHandler(IdentityRpc.roleConfigurationGet)
  async roleGet(@Payload() request: RpcRequest) {
    return this.roles.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.roleConfigurationPut)
  async rolePut(@Payload() request: RpcRequest) {
    const { id, ...values } = await parsePayload(PutLayerConfigurationPayloadDto, request);
    return this.roles.put(id, values, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.roleConfigurationDelete)
  async roleDelete(@Payload() request: RpcRequest) {
    const { id } = await parsePayload(IdPayloadDto, request);
    return this.roles.delete(id, await this.access.subjectOf(request.actor), request.requestId);
  }
}
