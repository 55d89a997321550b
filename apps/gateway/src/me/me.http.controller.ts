import { Controller, Get, HttpException, Req } from '@nestjs/common';
import { AclStates, buildOwnerTree, compileSubject } from '@app/acl';
import { TICKETS_ACL } from '@app/contracts';
import { AccessPolicy } from '../access/access-policy';
import { Authenticated } from '../access/access-requirement';
import { TicketsAccess } from '../access/tickets-subjects';
import { AuthenticatedRequest } from '../auth/principal';

@Controller('me')
export class MeHttpController {
  constructor(private readonly policy: AccessPolicy) {}

  /** The session as the user sees it: who, in which organization, with which active roles. */
  @Get()
  @Authenticated()
  me(@Req() request: AuthenticatedRequest) {
    const { userId, username, organizationId, activeRoles, rolesSelected, expiresAt } = request.user;
    return { id: userId, username, organizationId, activeRoles, rolesSelected, sessionExpiresAt: expiresAt };
  }

  /**
   * Aurea's process overview: each entity and capability ENABLED, READ_ONLY or DISABLED for this
   * session. Ticket entities follow the tickets roles (`source: "tickets"`), all DISABLED unless the
   * user is ACTIVE and enabled in tickets; `tickets` says the status and tickets' own capabilities.
   */
  @Get('permissions')
  @Authenticated()
  async permissions(@Req() request: AuthenticatedRequest) {
    const identitySubject = this.policy.subjectOf(request.user);
    const identity = identitySubject.states();
    const access = await this.ticketsAccess(request);
    const subject = access?.subject ?? compileSubject(TICKETS_ACL, [], { userId: request.user.userId, organizationId: identitySubject.organizationId, businessUnitIds: [] }, buildOwnerTree([]));
    const tickets: AclStates = subject.states();
    return {
      entities: [...identity.entities.map((e) => ({ ...e, source: 'identity' })), ...tickets.entities.map((e) => ({ ...e, source: 'tickets' }))],
      capabilities: identity.capabilities,
      tickets: {
        // NEW, ACTIVE, NONE (not mirrored yet) or UNKNOWN (tickets did not answer).
        status: access?.status ?? 'UNKNOWN',
        enabled: access?.enabled ?? null,
        /** Whether the ticket routes are open to this session: ACTIVE, enabled, member of the organization. */
        usable: access ? access.subject !== null : null,
        capabilities: tickets.capabilities,
      },
    };
  }

  /** Null when tickets does not answer: the overview still shows identity's part. */
  private async ticketsAccess(request: AuthenticatedRequest): Promise<TicketsAccess | null> {
    try {
      return await this.policy.ticketsAccessOf(request.user, String(request.id));
    } catch (error) {
      if (error instanceof HttpException && error.getStatus() === 503) return null;
      throw error;
    }
  }
}
