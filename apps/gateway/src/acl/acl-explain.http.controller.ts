import { Controller, Get, Query, Req } from '@nestjs/common';
import { ExplainCapabilityQueryDto, ExplainQueryDto, IdentityRpc, TICKET_ENTITY_NAMES, TicketsRpc, WhoCanSeeQueryDto } from '@app/contracts';
import { AccessPolicy } from '../access/access-policy';
import { Authenticated, RequireCapability } from '../access/access-requirement';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { RpcClient } from '../rpc/rpc.client';

const isTicketEntity = (entity: string): boolean => TICKET_ENTITY_NAMES.includes(entity);

/**
 * DESIGN.md section 3 "Explain" and section 11's "why can't I / who can see this". The gateway only
 * routes: the service that owns the records and the roles (identity, or tickets for ticket entities)
 * looks them up and explains with libs/acl.
 */
@Controller('acl')
export class AclExplainHttpController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly policy: AccessPolicy,
  ) {}

  /** Anyone may ask about themselves: which of their roles give which level, and why a record is in or out. */
  @Get('explain')
  @Authenticated()
  explain(@Query() query: ExplainQueryDto, @Req() request: AuthenticatedRequest) {
    const contract = isTicketEntity(query.entity) ? TicketsRpc.aclExplain : IdentityRpc.aclExplain;
    return this.rpc.call(contract, query, callContext(request));
  }

  /** Which of the caller's roles give an identity capability (and why a read-only role's does not count). */
  @Get('explain-capability')
  @Authenticated()
  explainCapability(@Query() query: ExplainCapabilityQueryDto, @Req() request: AuthenticatedRequest) {
    return this.rpc.call(IdentityRpc.aclExplainCapability, query, callContext(request));
  }

  /**
   * The users whose roles reach a record for VIEW: an administrator's question, so it needs
   * `user_management`, VIEW on the record, and names only users within the caller's User VIEW scope,
   * which travels as the call's scope (tickets cannot compute it: it knows no identity roles).
   */
  @Get('who-can-see')
  @RequireCapability('user_management')
  whoCanSee(@Query() query: WhoCanSeeQueryDto, @Req() request: AuthenticatedRequest) {
    const context = { ...callContext(request), scope: this.policy.subjectOf(request.user).scope('User', 'VIEW') };
    const contract = isTicketEntity(query.entity) ? TicketsRpc.aclWhoCanSee : IdentityRpc.aclWhoCanSee;
    return this.rpc.call(contract, query, context);
  }
}
