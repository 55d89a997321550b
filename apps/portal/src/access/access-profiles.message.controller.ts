import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AccessProfileBodyDto, IdPayloadDto, PageQueryDto, PortalRpc, RpcRequest, UpdateAccessProfilePayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { AccessProfilesService } from './access-profiles.service';

@Controller()
export class AccessProfilesMessageController {
  constructor(private readonly profiles: AccessProfilesService) {}

  @RpcHandler(PortalRpc.profilesList)
  async list(@Payload() request: RpcRequest) {
    return this.profiles.list(await parsePayload(PageQueryDto, request));
  }

  @RpcHandler(PortalRpc.profilesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.profiles.create(request, await parsePayload(AccessProfileBodyDto, request));
  }

  @RpcHandler(PortalRpc.profilesUpdate)
  async update(@Payload() request: RpcRequest) {
    return this.profiles.update(request.requestId, await parsePayload(UpdateAccessProfilePayloadDto, request));
  }

  @RpcHandler(PortalRpc.profilesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.profiles.delete((await parsePayload(IdPayloadDto, request)).id);
  }
}
