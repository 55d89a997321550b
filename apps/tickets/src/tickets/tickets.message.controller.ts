import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { AssignTicketOwnerPayloadDto, CreateTicketDto, IdPayloadDto, ListTicketsDto, RpcRequest, TicketsRpc, TransitionPayloadDto, UpdateTicketPayloadDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketsService } from './tickets.service';

@Controller()
export class TicketsMessageController {
  constructor(private readonly tickets: TicketsService) {}

  @RpcHandler(TicketsRpc.ticketsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.tickets.create(request, await parsePayload(CreateTicketDto, request));
  }

  @RpcHandler(TicketsRpc.ticketsList)
  async list(@Payload() request: RpcRequest) {
    return this.tickets.list(request, await parsePayload(ListTicketsDto, request));
  }

  @RpcHandler(TicketsRpc.ticketsGet)
  async get(@Payload() request: RpcRequest) {
    return this.tickets.get(request, (await parsePayload(IdPayloadDto, request)).id);
  }

  @RpcHandler(TicketsRpc.ticketsUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateTicketPayloadDto, request);
    return this.tickets.update(request, id, changes);
  }

  @RpcHandler(TicketsRpc.ticketsTransition)
  async transition(@Payload() request: RpcRequest) {
    const { id, to } = await parsePayload(TransitionPayloadDto, request);
    return this.tickets.transition(request, id, to);
  }

  @RpcHandler(TicketsRpc.ticketsAssignOwner)
  async assignOwner(@Payload() request: RpcRequest) {
    const { id, ownerId } = await parsePayload(AssignTicketOwnerPayloadDto, request);
    return this.tickets.assignOwner(request, id, ownerId);
  }

  @RpcHandler(TicketsRpc.ticketsDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.tickets.delete(request, (await parsePayload(IdPayloadDto, request)).id);
  }
}
