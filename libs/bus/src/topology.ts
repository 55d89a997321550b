import { EVENT_SUBSCRIPTIONS } from '@app/contracts';
import type { Channel } from 'amqplib';
import { durableQueueOptions, QueueType } from './queue-arguments';

/** Names on the broker (DESIGN.md section 2). */
export const EVENTS_EXCHANGE = 'suite.events';

/** The durable queue a consuming service reads its events from, e.g. `tickets.events`. */
export const eventQueueOf = (service: string): string => `${service}.events`;

export const deadLetterQueueOf = (queue: string): string => `${queue}.dlq`;

/** One retry queue per back-off step: its TTL sends the message back to the main queue. */
export const retryQueueOf = (queue: string, delayMs: number): string => `${queue}.retry.${delayMs}ms`;

/** Header that counts how often a message has been tried. */
export const ATTEMPT_HEADER = 'x-attempt';

/** The exchange and every subscriber's durable queue with its bindings; idempotent. */
export async function assertSharedTopology(channel: Channel, queueType: QueueType): Promise<void> {
  await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
  for (const [service, types] of Object.entries(EVENT_SUBSCRIPTIONS)) {
    const queue = eventQueueOf(service);
    await channel.assertQueue(queue, durableQueueOptions(queueType));
    for (const type of types) await channel.bindQueue(queue, EVENTS_EXCHANGE, type);
  }
}
