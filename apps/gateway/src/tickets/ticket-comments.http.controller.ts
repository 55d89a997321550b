import { Body, Controller, Get, Param, Post, Query, Req } from '@nestjs/common';
import { CreateTicketCommentDto, PageQueryDto, TicketsPatterns } from '@app/contracts';
import { RequirePermission } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { uuidParam } from '../errors/uuid-param.pipe';
import { RpcClient } from '../rpc/rpc.client';

/** A ticket's comments and history. */
@Controller('tickets/:id')
export class TicketCommentsHttpController {
  constructor(private readonly rpc: RpcClient) {}

  @Get('comments')
  @RequirePermission('TicketComment', 'VIEW')
  list(@Param('id', uuidParam('id')) ticketId: string, @Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.commentsList, { ...query, ticketId }, callContext(request));
  }

  @Post('comments')
  @RequirePermission('TicketComment', 'CREATE')
  create(@Param('id', uuidParam('id')) ticketId: string, @Body() body: CreateTicketCommentDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.commentsCreate, { ...body, ticketId }, callContext(request));
  }

  @Get('history')
  @RequirePermission('Ticket', 'VIEW')
  history(@Param('id', uuidParam('id')) ticketId: string, @Query() query: PageQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call('tickets', TicketsPatterns.historyList, { ...query, ticketId }, callContext(request));
  }
}
