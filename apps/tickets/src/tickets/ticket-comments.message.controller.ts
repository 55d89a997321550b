import { Controller } from '@nestjs/common';
import { Payload } from '@nestjs/microservices';
import { CreateTicketCommentPayloadDto, RpcRequest, TicketCommentRefPayloadDto, TicketPageQueryPayloadDto, TicketsRpc } from '@app/contracts';
import { parsePayload, RpcHandler } from '@app/service-kit';
import { TicketCommentsService } from './ticket-comments.service';
import { TicketHistoryService } from './ticket-history.service';

/** What hangs off one ticket: its comments and its history. */
@Controller()
export class TicketCommentsMessageController {
  constructor(
    private readonly comments: TicketCommentsService,
    private readonly history: TicketHistoryService,
  ) {}

  @RpcHandler(TicketsRpc.commentsList)
  async list(@Payload() request: RpcRequest) {
    const { ticketId, ...page } = await parsePayload(TicketPageQueryPayloadDto, request);
    return this.comments.list(request, ticketId, page);
  }

  @RpcHandler(TicketsRpc.commentsCreate)
  async create(@Payload() request: RpcRequest) {
    const { ticketId, ...body } = await parsePayload(CreateTicketCommentPayloadDto, request);
    return this.comments.create(request, ticketId, body);
  }

  @RpcHandler(TicketsRpc.commentsDelete)
  async delete(@Payload() request: RpcRequest) {
    const { ticketId, commentId } = await parsePayload(TicketCommentRefPayloadDto, request);
    return this.comments.delete(request, ticketId, commentId);
  }

  @RpcHandler(TicketsRpc.historyList)
  async historyList(@Payload() request: RpcRequest) {
    const { ticketId, ...page } = await parsePayload(TicketPageQueryPayloadDto, request);
    return this.history.list(request, ticketId, page);
  }
}
