import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateSecurityProfileDto, DirectoryPatterns, IdPayloadDto, ListSecurityProfilesDto, RpcRequest, UpdateSecurityProfilePayloadDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { SecurityProfilesService } from './security-profiles.service';

/** Security profiles are NONE-owned: reaching here means a GLOBAL grant, so no scope filter. */
@Controller()
export class SecurityProfilesMessageController {
  constructor(private readonly profiles: SecurityProfilesService) {}

  @MessagePattern(DirectoryPatterns.securityProfilesList)
  async list(@Payload() request: RpcRequest) {
    return this.profiles.list(await parsePayload(ListSecurityProfilesDto, request));
  }

  @MessagePattern(DirectoryPatterns.securityProfilesGet)
  async get(@Payload() request: RpcRequest) {
    return this.profiles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @MessagePattern(DirectoryPatterns.securityProfilesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.profiles.create(await parsePayload(CreateSecurityProfileDto, request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.securityProfilesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateSecurityProfilePayloadDto, request);
    return this.profiles.update(id, changes, request.requestId);
  }

  @MessagePattern(DirectoryPatterns.securityProfilesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.profiles.delete((await parsePayload(IdPayloadDto, request)).id, request.requestId);
  }
}
