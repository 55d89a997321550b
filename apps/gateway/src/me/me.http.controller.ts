import { Controller, Get, Req } from '@nestjs/common';
import { Authenticated } from '../access/access-requirement';
import { AuthenticatedRequest } from '../auth/principal';

@Controller('me')
export class MeHttpController {
  /** The session as the user sees it: who, in which organization, with which active roles. */
  @Get()
  @Authenticated()
  me(@Req() request: AuthenticatedRequest) {
    const { userId, username, organizationId, activeRoles, rolesSelected, expiresAt } = request.user;
    return { id: userId, username, organizationId, activeRoles, rolesSelected, sessionExpiresAt: expiresAt };
  }
}
