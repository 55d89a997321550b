import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConfigurationRefDto, IdentityRpc, PutConfigurationPayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ConfigurationService } from './configuration.service';

/**
 * One pattern pair for both routes: an administrator's call carries the User CONFIGURE scope; the
 * user's own call (/api/me/configuration) names the caller, who always reaches themself.
 */
@Controller()
export class ConfigurationMessageController {
  constructor(private readonly configuration: ConfigurationService) {}

  @RpcHandler(IdentityRpc.configurationGet)
  async get(@Payload() request: RpcRequest) {
    const ref = await parsePayload(ConfigurationRefDto, request);
    return this.configuration.get(ref.userId, ref.organizationId ?? request.actor?.organizationId, scopeFor(request, ref.userId));
  }

  @RpcHandler(IdentityRpc.configurationPut)
  async put(@Payload() request: RpcRequest) {
    const { userId, organizationId, ...settings } = await parsePayload(PutConfigurationPayloadDto, request);
    return this.configuration.put(userId, organizationId ?? request.actor?.organizationId, settings, scopeFor(request, userId), request.requestId);
  }
}

/** The caller configuring themself needs no entity scope; anyone else is limited to the route's scope. */
const scopeFor = (request: RpcRequest, userId: string) =>
  request.actor?.userId === userId && !request.scope ? ({ level: 'GLOBAL' } as const) : (request.scope ?? ({ level: 'NONE' } as const));
