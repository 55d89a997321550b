import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateTicketSecurityProfileDto, IdPayloadDto, PageQueryDto, RpcRequest, TicketsRpc, UpdateTicketSecurityProfilePayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketSecurityProfilesService } from './ticket-security-profiles.service';

/** Gated in the gateway by identity's `ticket_user_security` capability. */
@Controller()
export class TicketSecurityProfilesMessageController {
  constructor(private readonly profiles: TicketSecurityProfilesService) {}

  @RpcHandler(TicketsRpc.securityProfilesList)
  async list(@Payload() request: RpcRequest) {
    return this.profiles.list(await parsePayload(PageQueryDto, request));
  }

  @RpcHandler(TicketsRpc.securityProfilesGet)
  async get(@Payload() request: RpcRequest) {
    return this.profiles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @RpcHandler(TicketsRpc.securityProfilesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.profiles.create(await parsePayload(CreateTicketSecurityProfileDto, request), request);
  }

  @RpcHandler(TicketsRpc.securityProfilesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateTicketSecurityProfilePayloadDto, request);
    return this.profiles.update(id, changes, request);
  }

  @RpcHandler(TicketsRpc.securityProfilesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.profiles.delete((await parsePayload(IdPayloadDto, request)).id, request.requestId);
  }
}
