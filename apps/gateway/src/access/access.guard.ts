import { ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { errorBody } from '@app/contracts';
import { IS_PUBLIC } from '@app/service-kit';
import { AuthenticatedRequest } from '../auth/principal';
import { ACCESS_REQUIREMENT, AccessRequirement } from './access-requirement';
import { AccessPolicy } from './access-policy';

/**
 * Deny by default: a public route passes; any other route must declare its requirement, the caller
 * must hold an open session, and the requirement must be met, all before a service is called.
 */
@Injectable()
export class AccessGuard extends AuthGuard('jwt') {
  constructor(
    private readonly reflector: Reflector,
    private readonly policy: AccessPolicy,
  ) {
    super();
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, targets)) return true;
    const requirement = this.reflector.getAllAndOverride<AccessRequirement>(ACCESS_REQUIREMENT, targets);
    if (!requirement) throw new HttpException(errorBody(403, 'This route declares no permission, so it is closed.', 'NO_PERMISSION_DECLARED'), 403);
    await super.canActivate(context);
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    request.scope = this.policy.enforce(request.user, requirement);
    return true;
  }

  handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown): TUser {
    if (error) throw error;
    if (!user) {
      const reason = info instanceof Error ? info.message : 'a bearer token is required';
      throw new HttpException(errorBody(401, `Not authenticated: ${reason}.`, 'NOT_AUTHENTICATED'), 401);
    }
    return user;
  }
}
