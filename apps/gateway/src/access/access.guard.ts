import { ExecutionContext, HttpException, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { mayEscalate } from '@app/acl';
import { assignLogFields } from '@app/bus';
import { errorBody } from '@app/contracts';
import { IS_PUBLIC } from '@app/service-kit';
import { AuthenticatedRequest } from '../auth/principal';
import { ACCESS_REQUIREMENT, AccessRequirement } from './requirement-metadata';
import { AccessPolicy } from './access-policy';

/**
 * Deny by default: a public route passes; any other route must declare its requirement, the caller
 * must hold an open session (bearer JWT) or a valid X-API-Key, and the requirement must be met, all
 * before a service is called.
 */
@Injectable()
export class AccessGuard extends AuthGuard(['jwt', 'api-key']) {
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
    request.scope = await this.policy.enforce(request.user, requirement, String(request.id));
    // Administration routes tell the service whether the caller may grant beyond its own grants.
    if (requirement.kind === 'capability') request.roleEscalate = mayEscalate(this.policy.subjectOf(request.user));
    return true;
  }

  handleRequest<TUser>(error: unknown, user: TUser | false, info: unknown, context: ExecutionContext): TUser {
    if (error) throw error;
    if (!user) {
      const { headers } = context.switchToHttp().getRequest<AuthenticatedRequest>();
      // With two strategies passport hands over every strategy's reason; name the one the caller used.
      const reasons = [info].flat().filter((item): item is Error => item instanceof Error);
      const reason =
        headers.authorization || headers['x-api-key'] ? (reasons.find((r) => !/no auth token|missing api key/i.test(r.message)) ?? reasons[0])?.message : undefined;
      throw new HttpException(errorBody(401, `Not authenticated: ${reason ?? 'a bearer token or an X-API-Key is required'}.`, 'NOT_AUTHENTICATED'), 401);
    }
    // From here on the request's lines (its closing line too) name who made it.
    assignLogFields({ userId: (user as { userId?: string }).userId });
    return user;
  }
}
