import { RpcActor, RpcRequest } from '@app/contracts';
import { ServiceError } from '@app/service-kit';

/** The logged-in caller; the portal never takes a user or an organization from a body. */
export function actorOf(request: RpcRequest): RpcActor {
  if (!request?.actor) throw new ServiceError(401, 'The portal belongs to a logged-in user.', 'NOT_AUTHENTICATED');
  return request.actor;
}

/** The caller and its client account: the organization of its session. */
export function accountActorOf(request: RpcRequest): RpcActor & { organizationId: string } {
  const actor = actorOf(request);
  if (!actor.organizationId) throw new ServiceError(403, 'A client account is an organization: your session is in none.', 'NO_ORGANIZATION');
  return actor as RpcActor & { organizationId: string };
}
