import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { PortalRpc, RpcRequest, UserAccessPayloadDto, UserRefDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { PortalAccessService } from './portal-access.service';
import { actorOf } from '../account/actor';

@Controller()
export class PortalAccessMessageController {
  constructor(private readonly access: PortalAccessService) {}

  @RpcHandler(PortalRpc.homeGet)
  async home(@Payload() request: RpcRequest) {
    return this.access.home(actorOf(request).userId);
  }

  @RpcHandler(PortalRpc.accessGet)
  async accessOf(@Payload() request: RpcRequest) {
    return this.access.accessOf((await parsePayload(UserRefDto, request)).userId);
  }

  @RpcHandler(PortalRpc.userAccessGet)
  async userAccess(@Payload() request: RpcRequest) {
    return this.access.accessFor(await parsePayload(UserAccessPayloadDto, request));
  }

  @RpcHandler(PortalRpc.userAccessSet)
  async setUserAccess(@Payload() request: RpcRequest) {
    return this.access.set(request.requestId, await parsePayload(UserAccessPayloadDto, request));
  }

  @RpcHandler(PortalRpc.userAccessReset)
  async resetUserAccess(@Payload() request: RpcRequest) {
    return this.access.reset(request.requestId, await parsePayload(UserAccessPayloadDto, request));
  }
}
