import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateSecurityProfileDto, IdentityRpc, IdPayloadDto, ListSecurityProfilesDto, RpcRequest, UpdateSecurityProfilePayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { SecurityProfilesService } from './security-profiles.service';

/** Security profiles are NONE-owned: reaching here means a GLOBAL grant, so no scope filter. */
@Controller()
export class SecurityProfilesMessageController {
  constructor(private readonly profiles: SecurityProfilesService) {}

  @RpcHandler(IdentityRpc.securityProfilesList)
  async list(@Payload() request: RpcRequest) {
    return this.profiles.list(await parsePayload(ListSecurityProfilesDto, request));
  }

  @RpcHandler(IdentityRpc.securityProfilesGet)
  async get(@Payload() request: RpcRequest) {
    return this.profiles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @RpcHandler(IdentityRpc.securityProfilesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.profiles.create(await parsePayload(CreateSecurityProfileDto, request), request);
  }

  @RpcHandler(IdentityRpc.securityProfilesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateSecurityProfilePayloadDto, request);
    return this.profiles.update(id, changes, request.requestId);
  }

  @RpcHandler(IdentityRpc.securityProfilesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.profiles.delete((await parsePayload(IdPayloadDto, request)).id, request.requestId);
  }
}
