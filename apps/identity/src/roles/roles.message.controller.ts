import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DirectoryPatterns, IdPayloadDto, ListRolesDto, RoleBodyDto, RpcRequest, UpdateRolePayloadDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { RolesService } from './roles.service';

/** Roles are NONE-owned: the gateway only lets GLOBAL holders through, so no scope filter applies. */
@Controller()
export class RolesMessageController {
  constructor(private readonly roles: RolesService) {}

  @MessagePattern(DirectoryPatterns.rolesList)
  async list(@Payload() request: RpcRequest) {
    return this.roles.list(await parsePayload(ListRolesDto, request));
  }

  @MessagePattern(DirectoryPatterns.rolesGet)
  async get(@Payload() request: RpcRequest) {
    return this.roles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @MessagePattern(DirectoryPatterns.rolesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.roles.create(await parsePayload(RoleBodyDto, request), request.requestId);
  }

  @MessagePattern(DirectoryPatterns.rolesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...body } = await parsePayload(UpdateRolePayloadDto, request);
    return this.roles.update(id, body as RoleBodyDto, request.requestId);
  }

  @MessagePattern(DirectoryPatterns.rolesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.roles.delete((await parsePayload(IdPayloadDto, request)).id, request.requestId);
  }
}
