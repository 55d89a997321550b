import { Controller, Get, Req } from '@nestjs/common';
import type { AclStates } from '@app/acl';
import { AccessPolicy } from '../access/access-policy';
import { Authenticated } from '../access/access-requirement';
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

  /** Aurea's process overview: each entity and capability ENABLED, READ_ONLY or DISABLED for this session. */
  @Get('permissions')
  @Authenticated()
  permissions(@Req() request: AuthenticatedRequest): AclStates {
    return this.policy.subjectOf(request.user).states();
  }
}
