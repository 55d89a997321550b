import { SessionView } from '@app/contracts';
import type { FastifyRequest } from 'fastify';

/** What passport puts on the request: the session identity vouches for. */
export type Principal = SessionView;

export type AuthenticatedRequest = FastifyRequest & { user: Principal };

export const callContext = (request: FastifyRequest & { user?: Principal }) => ({
  requestId: String(request.id),
  actor: request.user ? { userId: request.user.userId, sessionId: request.user.sessionId, organizationId: request.user.organizationId } : null,
});
