import { Body, Controller, Delete, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CreateTicketCommentDto, PageQueryDto, TicketsRpc } from '@app/contracts';
import { RequireTicketPermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { keyedCallContext } from '../http/idempotency-key-header';
import { RpcClient } from '../rpc/rpc.client';

/** A ticket's comments and history. */
@Controller('tickets/:id')
export class TicketCommentsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('comments')
  @RequireTicketPermission('TicketComment', 'VIEW')
  list(@Param('id', uuidParam('id')) ticketId: string, @Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.commentsList, { ...query, ticketId }, callContext(request));
  }

  @Post('comments')
  @RequireTicketPermission('TicketComment', 'CREATE')
  create(@Param('id', uuidParam('id')) ticketId: string, @Body() body: CreateTicketCommentDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.commentsCreate, { ...body, ticketId }, keyedCallContext(request));
  }

  @Delete('comments/:commentId')
  @RequireTicketPermission('TicketComment', 'DELETE')
  delete(@Param('id', uuidParam('id')) ticketId: string, @Param('commentId', uuidParam('commentId')) commentId: string, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.commentsDelete, { ticketId, commentId }, callContext(request));
  }

  @Get('history')
  @RequireTicketPermission('Ticket', 'VIEW')
  history(@Param('id', uuidParam('id')) ticketId: string, @Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(TicketsRpc.historyList, { ...query, ticketId }, callContext(request));
  }
}
