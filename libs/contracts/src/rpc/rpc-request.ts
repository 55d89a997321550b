/**
 * Every RPC message from the gateway wraps its payload with who asks and the request id, so a
 * service can log and scope what it does without trusting anything else from the caller.
 */
export interface RpcRequest<TPayload = unknown> {
  requestId: string;
  actor: RpcActor | null;
  payload: TPayload;
}

export interface RpcActor {
  userId: string;
  sessionId: string;
  organizationId: string | null;
}
