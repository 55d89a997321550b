import { rpcQueueOf } from '@app/contracts';
import { RmqOptions, Transport } from '@nestjs/microservices';
import type { QueueType } from '../queue-arguments';
import { rpcQueueOptions } from './rpc-queue';

type RpcService = 'identity' | 'tickets' | 'portal';

/**
 * Nest's RMQ transport for request/reply: replies travel on direct reply-to, requests are not
 * persistent (a request outlives neither its timeout nor a broker restart, by design: the caller
 * got a 503 and may send again). Both sides must declare the queue with the same arguments.
 */
export const rpcTransportOptions = (service: RpcService, amqpUrl: string, queueType: QueueType): RmqOptions => ({
  transport: Transport.RMQ,
  options: {
    urls: [amqpUrl],
    queue: rpcQueueOf(service),
    queueOptions: rpcQueueOptions(queueType),
    noAck: true,
    persistent: false,
    // As on the bus connection (bus-connection.ts):
    // - reconnect 1 s after the broker went away, not amqp-connection-manager's default 5 s: the
    //   gateway's /health follows the bus connection, which is back within a second, and RPC calls
    //   answered 503 for seconds after it said healthy (seen in the faults run);
    // - TCP_NODELAY: with Nagle's algorithm on, a request or reply written while an earlier one is
    //   unacknowledged waits for the broker's delayed ACK (~40 ms).
    socketOptions: { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1, connectionOptions: { noDelay: true } },
  },
});
