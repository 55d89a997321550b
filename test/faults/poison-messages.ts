import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

/** The suite's exchange and the consumers' dead-letter queues (libs/bus topology.ts). */
const EXCHANGE = 'suite.events';
export const DEAD_LETTER_QUEUES = ['tickets.events.dlq', 'portal.events.dlq'] as const;
export type DeadLetterQueue = (typeof DEAD_LETTER_QUEUES)[number];

/** A message no consumer can apply, and the dead-letter queues it must end in. */
export interface Poison {
  messageId: string;
  why: string;
  routingKey: string;
  content: string;
  endsIn: DeadLetterQueue[];
}

const envelope = (type: string, data: unknown, id: string = randomUUID()) =>
  JSON.stringify({ id, type, version: 1, occurredAt: new Date().toISOString(), source: 'identity', correlationId: null, data });

/** Routing keys both consumers take (identity.user.*), so each poison reaches a real queue. */
export function poisonMessages(): Poison[] {
  const poison = (why: string, routingKey: string, content: string, endsIn: DeadLetterQueue[]): Poison => ({ messageId: `poison-${randomUUID()}`, why, routingKey, content, endsIn });
  return [
    poison('not JSON', 'identity.user.created', '{"id": "unterminated', ['tickets.events.dlq', 'portal.events.dlq']),
    poison('envelope id not a UUID', 'identity.user.created', envelope('identity.user.created', { id: randomUUID() }, 'not-a-uuid'), ['tickets.events.dlq', 'portal.events.dlq']),
    // Readable, but no user to insert: each handler's insert fails, is retried, then dead-lettered.
    poison('user.created without a user', 'identity.user.created', envelope('identity.user.created', {}), ['tickets.events.dlq', 'portal.events.dlq']),
    // Tickets refuses an update of a user it never mirrored (retried, then dead-lettered); the portal's update touches no row.
    poison('user.updated of a user nobody has', 'identity.user.updated', envelope('identity.user.updated', { id: randomUUID(), username: 'ghost' }), ['tickets.events.dlq']),
  ];
}

/** Publishes the poison onto the run's exchange with publisher confirms. */
export async function publishPoison(amqpUrl: string, messages: Poison[]): Promise<void> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createConfirmChannel();
    for (const message of messages) {
      channel.publish(EXCHANGE, message.routingKey, Buffer.from(message.content), { persistent: true, messageId: message.messageId, contentType: 'application/json' });
    }
    await channel.waitForConfirms();
  } finally {
    await connection.close();
  }
}

/** The message ids a dead-letter queue holds, read without taking them (unacked, they go back on close). */
export async function deadLetteredIds(amqpUrl: string, queue: DeadLetterQueue): Promise<string[]> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    const ids: string[] = [];
    for (;;) {
      const message = await channel.get(queue, { noAck: false });
      if (message === false) break;
      ids.push(String(message.properties.messageId ?? `(no id) ${message.content.toString().slice(0, 80)}`));
    }
    return ids.sort();
  } finally {
    await connection.close();
  }
}
