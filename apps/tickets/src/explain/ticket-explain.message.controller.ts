import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { ExplainQueryDto, RpcRequest, TicketsRpc, WhoCanSeeQueryDto } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketExplainService } from './ticket-explain.service';

@Controller()
export class TicketExplainMessageController {
  constructor(private readonly explanations: TicketExplainService) {}

  @RpcHandler(TicketsRpc.aclExplain)
  async explain(@Payload() request: RpcRequest) {
    return this.explanations.explain(request, await parsePayload(ExplainQueryDto, request));
  }

  @RpcHandler(TicketsRpc.aclWhoCanSee)
  async whoCanSee(@Payload() request: RpcRequest) {
    return this.explanations.whoCanSee(request, await parsePayload(WhoCanSeeQueryDto, request));
  }
}
