import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateTicketSecurityProfileDto, IdPayloadDto, PageQueryDto, RpcRequest, TicketsPatterns, UpdateTicketSecurityProfilePayloadDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { TicketSecurityProfilesService } from './ticket-security-profiles.service';

/** Gated in the gateway by identity's `ticket_user_security` capability. */
@Controller()
export class TicketSecurityProfilesMessageController {
  constructor(private readonly profiles: TicketSecurityProfilesService) {}

  @MessagePattern(TicketsPatterns.securityProfilesList)
  async list(@Payload() request: RpcRequest) {
    return this.profiles.list(await parsePayload(PageQueryDto, request));
  }

  @MessagePattern(TicketsPatterns.securityProfilesGet)
  async get(@Payload() request: RpcRequest) {
    return this.profiles.get((await parsePayload(IdPayloadDto, request)).id);
  }

  @MessagePattern(TicketsPatterns.securityProfilesCreate)
  async create(@Payload() request: RpcRequest) {
    return this.profiles.create(await parsePayload(CreateTicketSecurityProfileDto, request), request);
  }

  @MessagePattern(TicketsPatterns.securityProfilesUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateTicketSecurityProfilePayloadDto, request);
    return this.profiles.update(id, changes, request);
  }

  @MessagePattern(TicketsPatterns.securityProfilesDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.profiles.delete((await parsePayload(IdPayloadDto, request)).id, request.requestId);
  }
}
