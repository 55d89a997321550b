import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { AssignTicketOwnerPayloadDto, CreateTicketDto, IdPayloadDto, ListTicketsDto, RpcRequest, TicketsPatterns, TransitionPayloadDto, UpdateTicketPayloadDto } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { TicketsService } from './tickets.service';

@Controller()
export class TicketsMessageController {
  constructor(private readonly tickets: TicketsService) {}

  @MessagePattern(TicketsPatterns.ticketsCreate)
  async create(@Payload() request: RpcRequest) {
    return this.tickets.create(request, await parsePayload(CreateTicketDto, request));
  }

  @MessagePattern(TicketsPatterns.ticketsList)
  async list(@Payload() request: RpcRequest) {
    return this.tickets.list(request, await parsePayload(ListTicketsDto, request));
  }

  @MessagePattern(TicketsPatterns.ticketsGet)
  async get(@Payload() request: RpcRequest) {
    return this.tickets.get(request, (await parsePayload(IdPayloadDto, request)).id);
  }

  @MessagePattern(TicketsPatterns.ticketsUpdate)
  async update(@Payload() request: RpcRequest) {
    const { id, ...changes } = await parsePayload(UpdateTicketPayloadDto, request);
    return this.tickets.update(request, id, changes);
  }

  @MessagePattern(TicketsPatterns.ticketsTransition)
  async transition(@Payload() request: RpcRequest) {
    const { id, to } = await parsePayload(TransitionPayloadDto, request);
    return this.tickets.transition(request, id, to);
  }

  @MessagePattern(TicketsPatterns.ticketsAssignOwner)
  async assignOwner(@Payload() request: RpcRequest) {
    const { id, ownerId } = await parsePayload(AssignTicketOwnerPayloadDto, request);
    return this.tickets.assignOwner(request, id, ownerId);
  }

  @MessagePattern(TicketsPatterns.ticketsDelete)
  async delete(@Payload() request: RpcRequest) {
    return this.tickets.delete(request, (await parsePayload(IdPayloadDto, request)).id);
  }
}
