import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateServiceRequestDto, IdPayloadDto, ListServiceRequestsDto, RpcRequest, TicketsRpc } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { ServiceRequestsService } from './service-requests.service';

/** Called by the portal with the portal user as actor and its client account as the session's organization. */
@Controller()
export class ServiceRequestsMessageController {
  constructor(private readonly requests: ServiceRequestsService) {}

  @RpcHandler(TicketsRpc.serviceRequestsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.requests.create(request, await parsePayload(CreateServiceRequestDto, request));
  }

  @RpcHandler(TicketsRpc.serviceRequestsList)
  async list(@Payload() request: RpcRequest) {
    return this.requests.list(request, await parsePayload(ListServiceRequestsDto, request));
  }

  @RpcHandler(TicketsRpc.serviceRequestsGet)
  async get(@Payload() request: RpcRequest) {
    return this.requests.get(request, (await parsePayload(IdPayloadDto, request)).id);
  }
}
