import { SessionView } from '@app/contracts';
import type { AclScope } from '@app/acl';
import type { FastifyRequest } from 'fastify';
import type { CallContext } from '../rpc/rpc.client';

/** What passport puts on the request: the session identity vouches for. */
export type Principal = SessionView;

/** A request past the access guard: its session, and the scope of the route's entity and action. */
export type AuthenticatedRequest = FastifyRequest & { user: Principal; scope?: AclScope; roleEscalate?: boolean };

export const callContext = (request: FastifyRequest & { user?: Principal; scope?: AclScope; roleEscalate?: boolean }): CallContext => ({
  requestId: String(request.id),
  actor: request.user ? { userId: request.user.userId, sessionId: request.user.sessionId, organizationId: request.user.organizationId } : null,
  scope: request.scope,
  roleEscalate: request.roleEscalate,
});
