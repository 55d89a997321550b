import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateServiceRequestDto, ListServiceRequestsDto, RpcRequest, TicketsPatterns } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { ServiceRequestsService } from './service-requests.service';

/** Called by the portal with the portal user as actor and its client account as the session's organization. */
@Controller()
export class ServiceRequestsMessageController {
  constructor(private readonly requests: ServiceRequestsService) {}

  @MessagePattern(TicketsPatterns.serviceRequestsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.requests.create(request, await parsePayload(CreateServiceRequestDto, request));
  }

  @MessagePattern(TicketsPatterns.serviceRequestsList)
  async list(@Payload() request: RpcRequest) {
    return this.requests.list(request, await parsePayload(ListServiceRequestsDto, request));
  }
}
