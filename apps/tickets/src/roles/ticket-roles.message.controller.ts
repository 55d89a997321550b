import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { IdPayloadDto, ListRolesDto, RoleBodyDto, RpcRequest, TicketsRpc, UpdateRolePayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketRolesService } from './ticket-roles.service';

/** Administering tickets roles is gated in the gateway by identity's `ticket_user_security` capability. */
@Controller()
export class TicketRolesMessageController {
  constructor(private readonly roles: TicketRolesService) {}

  @RpcHandler(TicketsRpc.rolesList)
  async list(@Payload() request: RpcRequest) {
    return this.roles.list(await parsePayload(ListRolesDto, request));
  }

  @RpcHandler(TicketsRpc.rolesGet)
  async get(@Payload() request: RpcRequest) {
    return this.roles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @RpcHandler(TicketsRpc.rolesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.roles.create(await parsePayload(RoleBodyDto, request), request);
  }

  @RpcHandler(TicketsRpc.rolesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...body } = await parsePayload(UpdateRolePayloadDto, request);
    return this.roles.update(id, body as RoleBodyDto, request);
  }

  @RpcHandler(TicketsRpc.rolesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.roles.delete((await parsePayload(IdPayloadDto, request)).id, request);
  }
}
