import type { Options } from 'amqplib';
import { durableQueueOptions, QueueType } from '../queue-arguments';

/**
 * A request older than this is dropped by the broker: the gateway has long answered 503 by then,
 * and acting on it late would surprise the person who saw the failure. Keep it above RPC_TIMEOUT_MS.
 */
export const RPC_REQUEST_TTL_MS = 30_000;

/** How both sides of an RPC declare a service's request queue (`<service>.rpc`): they must agree. */
export const rpcQueueOptions = (queueType: QueueType): Options.AssertQueue => durableQueueOptions(queueType, { 'x-message-ttl': RPC_REQUEST_TTL_MS });
