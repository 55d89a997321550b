/**
 * Several RPC requests to one service in one AMQP message, and their replies in one message back
 * (RpcClientRmq sends them, DrainingRmqServer answers them). Each request is handled as if it had come
 * alone, by the same handler, interceptors and filters; only the carriage is shared.
 */

/** The AMQP `type` property of a message that carries a batch of requests. */
export const RPC_BATCH_TYPE = 'crm-suite.rpc-batch';

/**
 * At most this many requests in one message; more in one turn go as several, so that the service
 * starts on the first while the gateway still writes the others (8, 16 and 64 measured about alike).
 */
export const RPC_BATCH_MAX = 16;

/** A request as Nest's RMQ transport writes it, with the id its reply names. */
export interface RpcPacket {
  id: string;
  pattern: string;
  data: unknown;
}

/** A reply as Nest's RMQ transport writes it. */
export interface RpcReplyPacket {
  id: string;
  err?: unknown;
  response?: unknown;
  isDisposed?: boolean;
}

/** The body of a batch message, and of its reply (one reply per request, in any order). */
export interface RpcBatch {
  id: string;
  requests: RpcPacket[];
}

export interface RpcBatchReply {
  id: string;
  replies: RpcReplyPacket[];
}

/** The batch in a message body, keeping only requests that name an id and a pattern; null when unreadable. */
export function parseRpcBatch(content: Buffer): RpcBatch | null {
  try {
    const body = JSON.parse(content.toString('utf8')) as Partial<RpcBatch>;
    if (typeof body?.id !== 'string' || !Array.isArray(body.requests)) return null;
    const requests = body.requests.filter((r): r is RpcPacket => typeof r?.id === 'string' && typeof r?.pattern === 'string');
    return { id: body.id, requests };
  } catch {
    return null;
  }
}
