import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { CreateTicketCommentPayloadDto, RpcRequest, TicketCommentRefPayloadDto, TicketPageQueryPayloadDto, TicketsPatterns } from '@app/contracts';
import { parsePayload } from '@app/service-kit';
import { TicketCommentsService } from './ticket-comments.service';
import { TicketHistoryService } from './ticket-history.service';

/** What hangs off one ticket: its comments and its history. */
@Controller()
export class TicketCommentsMessageController {
  constructor(
    private readonly comments: TicketCommentsService,
    private readonly history: TicketHistoryService,
  ) {}

  @MessagePattern(TicketsPatterns.commentsList)
  async list(@Payload() request: RpcRequest) {
    const { ticketId, ...page } = await parsePayload(TicketPageQueryPayloadDto, request);
    return this.comments.list(request, ticketId, page);
  }

  @MessagePattern(TicketsPatterns.commentsCreate)
  async create(@Payload() request: RpcRequest) {
    const { ticketId, ...body } = await parsePayload(CreateTicketCommentPayloadDto, request);
    return this.comments.create(request, ticketId, body);
  }

  @MessagePattern(TicketsPatterns.commentsDelete)
  async delete(@Payload() request: RpcRequest) {
    const { ticketId, commentId } = await parsePayload(TicketCommentRefPayloadDto, request);
    return this.comments.delete(request, ticketId, commentId);
  }

  @MessagePattern(TicketsPatterns.historyList)
  async historyList(@Payload() request: RpcRequest) {
    const { ticketId, ...page } = await parsePayload(TicketPageQueryPayloadDto, request);
    return this.history.list(request, ticketId, page);
  }
}
