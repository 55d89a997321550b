import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { RpcRequest, TicketsAccessQueryDto, TicketsAccessView, TicketsRpc } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketAccessService } from './ticket-access.service';

/** For the gateway, which enforces tickets' roles on every ticket route before calling tickets. */
@Controller()
export class TicketsAccessMessageController {
  constructor(private readonly access: TicketAccessService) {}

  @RpcHandler(TicketsRpc.accessGet)
  async get(@Payload() request: RpcRequest): Promise<TicketsAccessView> {
    const { userId, organizationId } = await parsePayload(TicketsAccessQueryDto, request);
    return this.access.accessView(userId, organizationId);
  }
}
