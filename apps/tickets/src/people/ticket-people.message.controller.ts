import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ListTicketPeopleDto, RpcRequest, TicketsRpc } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketPeopleService } from './ticket-people.service';

@Controller()
export class TicketPeopleMessageController {
  constructor(private readonly people: TicketPeopleService) {}

  @RpcHandler(TicketsRpc.peopleList)
  async list(@Payload() request: RpcRequest) {
    return this.people.list(request, await parsePayload(ListTicketPeopleDto, request));
  }
}
