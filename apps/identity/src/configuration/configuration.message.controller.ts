import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ConfigurationRefDto, IdentityRpc, PutConfigurationPayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ConfigurationService } from './configuration.service';
import { SessionConfigurationService } from './session-configuration.service';

/**
 * One pattern pair for both routes: an administrator's call carries the User CONFIGURE scope; the
 * user's own call (/api/me/configuration) names the caller, who always reaches themself, and gets
 * the configuration resolved for the session (organization and role layers under their own values).
 */
@Controller()
export class ConfigurationMessageController {
  constructor(
    private readonly configuration: ConfigurationService,
    private readonly session: SessionConfigurationService,
  ) {}

  @RpcHandler(IdentityRpc.configurationGet)
  async get(@Payload() request: RpcRequest) {
    const ref = await parsePayload(ConfigurationRefDto, request);
    const own = await this.configuration.get(ref.userId, ref.organizationId ?? request.actor?.organizationId, scopeFor(request, ref.userId));
    return ownCall(request, ref.userId) ? this.session.resolve(request.actor!, own) : own;
  }

  @RpcHandler(IdentityRpc.configurationPut)
  async put(@Payload() request: RpcRequest) {
    const { userId, organizationId, ...settings } = await parsePayload(PutConfigurationPayloadDto, request);
    const own = await this.configuration.put(userId, organizationId ?? request.actor?.organizationId, settings, scopeFor(request, userId), request.requestId);
    return ownCall(request, userId) ? this.session.resolve(request.actor!, own) : own;
  }
}

/** /api/me/configuration: the caller names themself and the route carries no scope. */
const ownCall = (request: RpcRequest, userId: string): boolean => request.actor?.userId === userId && !request.scope;

/** The caller configuring themself needs no entity scope; anyone else is limited to the route's scope. */
const scopeFor = (request: RpcRequest, userId: string) => (ownCall(request, userId) ? ({ level: 'GLOBAL' } as const) : (request.scope ?? ({ level: 'NONE' } as const)));
