import { rpcQueueOf } from '@app/contracts';
import { RmqOptions, Transport } from '@nestjs/microservices';

/**
 * A request older than this is dropped by the broker: the gateway has long answered 503 by then,
 * and acting on it late would surprise the person who saw the failure. Keep it above RPC_TIMEOUT_MS.
 */
export const RPC_REQUEST_TTL_MS = 30_000;

type RpcService = 'identity' | 'tickets' | 'portal';

/**
 * Nest's RMQ transport for request/reply: replies travel on direct reply-to, requests are not
 * persistent (a request outlives neither its timeout nor a broker restart, by design: the caller
 * got a 503 and may send again). Both sides must declare the queue with the same arguments.
 */
export const rpcTransportOptions = (service: RpcService, amqpUrl: string): RmqOptions => ({
  transport: Transport.RMQ,
  options: {
    urls: [amqpUrl],
    queue: rpcQueueOf(service),
    queueOptions: { durable: true, arguments: { 'x-message-ttl': RPC_REQUEST_TTL_MS } },
    noAck: true,
    persistent: false,
    // TCP_NODELAY, as on the bus connection: with Nagle's algorithm on, a request or reply written
    // while an earlier one is unacknowledged waits for the broker's delayed ACK (~40 ms).
    socketOptions: { connectionOptions: { noDelay: true } },
  },
});
