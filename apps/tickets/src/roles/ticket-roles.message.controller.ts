import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { IdPayloadDto, ListRolesDto, RoleBodyDto, RpcRequest, TicketsPatterns, UpdateRolePayloadDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { TicketRolesService } from './ticket-roles.service';

/** Administering tickets roles is gated in the gateway by identity's `ticket_user_security` capability. */
@Controller()
export class TicketRolesMessageController {
  constructor(private readonly roles: TicketRolesService) {}

  @MessagePattern(TicketsPatterns.rolesList)
  async list(@Payload() request: RpcRequest) {
    return this.roles.list(await parsePayload(ListRolesDto, request));
  }

  @MessagePattern(TicketsPatterns.rolesGet)
  async get(@Payload() request: RpcRequest) {
    return this.roles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @MessagePattern(TicketsPatterns.rolesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.roles.create(await parsePayload(RoleBodyDto, request), request);
  }

  @MessagePattern(TicketsPatterns.rolesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...body } = await parsePayload(UpdateRolePayloadDto, request);
    return this.roles.update(id, body as RoleBodyDto, request);
  }

  @MessagePattern(TicketsPatterns.rolesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.roles.delete((await parsePayload(IdPayloadDto, request)).id, request);
  }
}
