import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateGroupDto, DirectoryPatterns, IdPayloadDto, ListGroupsDto, RenamePayloadDto, RpcRequest } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { scopeOf } from '../access/scope-checks';
import { GroupsService } from './groups.service';

@Controller()
export class GroupsMessageController {
  constructor(private readonly groups: GroupsService) {}

  @MessagePattern(DirectoryPatterns.groupsList)
  async list(@Payload() request: RpcRequest) {
    return this.groups.list(await parsePayload(ListGroupsDto, request), scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.groupsGet)
  async get(@Payload() request: RpcRequest) {
    return this.groups.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @MessagePattern(DirectoryPatterns.groupsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.groups.create(await parsePayload(CreateGroupDto, request), scopeOf(request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.groupsRename)
  async rename(@Payload() request: RpcRequest) {
    const dto = await parsePayload(RenamePayloadDto, request);
    return this.groups.rename(dto.id, dto.name, scopeOf(request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.groupsDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.groups.delete((await parsePayload(IdPayloadDto, request)).id, scopeOf(request), request.requestId);
  }
}
