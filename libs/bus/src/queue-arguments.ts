import type { Options } from 'amqplib';

/**
 * The kind of queue every shared durable queue is declared as (`AMQP_QUEUE_TYPE`). `classic` suits
 * one broker; `quorum` is for a RabbitMQ cluster (DESIGN.md section 10): replicated by Raft, so a
 * queue survives the loss of a node. Every process on a vhost must use the same value: the broker
 * refuses a declaration whose arguments differ from the queue's (PRECONDITION_FAILED).
 */
export const QUEUE_TYPES = ['classic', 'quorum'] as const;
export type QueueType = (typeof QUEUE_TYPES)[number];

export const isQueueType = (value: string): value is QueueType => (QUEUE_TYPES as readonly string[]).includes(value);

/**
 * Arguments quorum queues refuse or ignore (RabbitMQ 3.10+, the version this suite runs on):
 * priorities, lazy mode, mirroring placement and the classic queue storage version; the overflow
 * mode `reject-publish-dlx` is refused below. `x-message-ttl` and dead-lettering are supported since 3.10.
 */
const NOT_FOR_QUORUM = ['x-max-priority', 'x-queue-mode', 'x-queue-master-locator', 'x-queue-version'];

export type QueueArguments = Record<string, string | number>;

/**
 * Options of a durable queue shared by every instance of a service (events, retries, dead letters,
 * RPC requests). `classic` sends no `x-queue-type`, as before the setting existed, so queues already
 * declared on a running broker keep matching.
 */
export function durableQueueOptions(queueType: QueueType, queueArguments: QueueArguments = {}): Options.AssertQueue {
  if (!isQueueType(queueType)) throw new Error(`queue type must be ${QUEUE_TYPES.join(' or ')}, got "${String(queueType)}"`);
  if (queueType === 'classic') return { durable: true, arguments: { ...queueArguments } };
  const refused = Object.keys(queueArguments).filter((name) => NOT_FOR_QUORUM.includes(name));
  if (refused.length) throw new Error(`quorum queues do not support ${refused.join(', ')}`);
  if (queueArguments['x-overflow'] === 'reject-publish-dlx') throw new Error('quorum queues do not support x-overflow reject-publish-dlx');
  return { durable: true, arguments: { ...queueArguments, 'x-queue-type': 'quorum' } };
}

/**
 * A queue whose expired messages go to `deadLetterRoutingKey` on the default exchange (the retry
 * queues). On quorum queues dead-lettering is at-most-once unless the queue asks for at-least-once,
 * which RabbitMQ only honours with `x-overflow: reject-publish`: then a message is not dropped when
 * its target queue cannot take it at the moment it expires, it waits and is moved later.
 */
export function deadLetteringQueueOptions(queueType: QueueType, ttlMs: number, deadLetterRoutingKey: string): Options.AssertQueue {
  const base: QueueArguments = { 'x-message-ttl': ttlMs, 'x-dead-letter-exchange': '', 'x-dead-letter-routing-key': deadLetterRoutingKey };
  const atLeastOnce: QueueArguments = queueType === 'quorum' ? { 'x-dead-letter-strategy': 'at-least-once', 'x-overflow': 'reject-publish' } : {};
  return durableQueueOptions(queueType, { ...base, ...atLeastOnce });
}

/**
 * A queue of one process only (server-named, exclusive, gone with its connection), e.g. the
 * gateway's session events. Quorum queues cannot be exclusive, so it is classic whatever
 * AMQP_QUEUE_TYPE says; naming the type keeps it classic on a vhost whose default type is quorum.
 */
export const exclusiveQueueOptions = (): Options.AssertQueue => ({ exclusive: true, autoDelete: true, durable: false, arguments: { 'x-queue-type': 'classic' } });
