import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateGroupDto, IdentityRpc, IdPayloadDto, ListGroupsDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsMessageController {
  constructor(private readonly groups: GroupsService) {}

  @RpcHandler(IdentityRpc.groupsList)
  async list(@Payload() request: RpcRequest) {
    return this.groups.list(await parsePayload(ListGroupsDto, request), scopeOf(request));
  }

  @RpcHandler(IdentityRpc.groupsGet)
  async get(@Payload() request: RpcRequest) {
    return this.groups.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.groupsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.groups.create(await parsePayload(CreateGroupDto, request), scopeOf(request), request);
  }

  @RpcHandler(IdentityRpc.groupsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.groups.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }

  @RpcHandler(IdentityRpc.groupsDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.groups.delete((await parsePayload(IdPayloadDto, request)).id, scopeOf(request), request.requestId);
  }
}
