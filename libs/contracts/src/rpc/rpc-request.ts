import type { AclScope } from '@app/acl';

/**
 * Every RPC message from the gateway wraps its payload with who asks and the request id, so a
 * service can log and scope what it does without trusting anything else from the caller.
 */
export interface RpcRequest<TPayload = unknown> {
  requestId: string;
  /** The W3C trace context of the gateway's call, so the service's work joins the request's trace. */
  traceparent?: string;
  actor: RpcActor | null;
  /**
   * For routes that declare an entity and action: the records the caller may reach, as the gateway
   * computed it with libs/acl. Services apply it as a query filter (`@app/acl/typeorm`).
   */
  scope?: AclScope;
  /**
   * Set by the gateway on tickets administration routes: whether the caller holds identity's
   * `role_escalate`, which exempts it from tickets' "no one grants more than they hold".
   */
  roleEscalate?: boolean;
  /**
   * Set by the gateway on creating routes called with an `Idempotency-Key` header: the key and a
   * hash of the route and the canonical body, so the creating service answers a retry once.
   */
  idempotency?: RpcIdempotency;
  /**
   * Set by the gateway: the time (epoch ms) after which the service may neither start the request
   * nor commit its work, a little before the gateway gives up and answers 503. So a 503 for a
   * request that got no answer means it was not applied.
   */
  commitBy?: number;
  payload: TPayload;
}

export interface RpcIdempotency {
  key: string;
  requestHash: string;
}

export interface RpcActor {
  userId: string;
  sessionId: string;
  organizationId: string | null;
}
