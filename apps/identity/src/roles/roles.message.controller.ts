import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdentityRoleBodyDto, IdentityRpc, IdPayloadDto, ListRolesDto, RpcRequest, UpdateIdentityRolePayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ActorAccess } from '../access/actor-access.service';
import { scopeOf } from '../access/scope-checks';
import { RolesService } from './roles.service';

/** Roles belong to an organization or are system-wide: reads by the gateway's scope, writes by the actor's subject. */
@Controller()
export class RolesMessageController {
  constructor(
    private readonly roles: RolesService,
    private readonly access: ActorAccess,
  ) {}

  @RpcHandler(IdentityRpc.rolesList)
  async list(@Payload() request: RpcRequest) {
    return this.roles.list(await parsePayload(ListRolesDto, request), scopeOf(request));
  }

  @RpcHandler(IdentityRpc.rolesGet)
  async get(@Payload() request: RpcRequest) {
    return this.roles.get((await parsePayload(IdPayloadDto, request)).id, scopeOf(request));
  }

  @RpcHandler(IdentityRpc.rolesCreate)
  async create(@Payload() request: RpcRequest) {
    const body = await parsePayload(IdentityRoleBodyDto, request);
    return this.roles.create(body, await this.access.subjectOf(request.actor), request);
  }

  @RpcHandler(IdentityRpc.rolesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...body } = await parsePayload(UpdateIdentityRolePayloadDto, request);
    return this.roles.update(id, body as IdentityRoleBodyDto, await this.access.subjectOf(request.actor), request.requestId);
  }

  @RpcHandler(IdentityRpc.rolesDelete)
  async delete(@Payload() request: RpcRequest) {
    const { id } = await parsePayload(IdPayloadDto, request);
    return this.roles.delete(id, await this.access.subjectOf(request.actor), request.requestId);
  }
}
