import amqp, { ChannelModel, ConfirmChannel, GetMessage, Options } from 'amqplib';
import { ATTEMPT_HEADER, deadLetterQueueOf, EVENTS_EXCHANGE, eventQueueOf } from '../topology';

/** One message of a dead-letter queue, as an operator reads it. */
export interface DeadLetter {
  /** 1-based place in the queue (the oldest first), as `show <queue> <n>` takes it. */
  position: number;
  messageId: string | null;
  type: string | null;
  /** The key it is republished with: the event type it was first published under. */
  routingKey: string | null;
  attempts: number;
  lastError: string | null;
  /** When the event was published (the relay stamps it), ISO-8601. */
  publishedAt: string | null;
  headers: Record<string, unknown>;
  properties: Record<string, unknown>;
  /** The body: the parsed envelope, or the raw text when it is not JSON. */
  body: unknown;
}

/** What became of one dead letter that `republish` chose. */
export interface Republished {
  messageId: string | null;
  routingKey: string | null;
  /** false: it stays in the dead-letter queue (no routing key, or no queue bound to it). */
  republished: boolean;
  reason?: string;
}

/**
 * `tickets`, `tickets.events` and `tickets.events.dlq` all name the dead-letter queue
 * `tickets.events.dlq`: the service, its event queue, or the dead-letter queue itself.
 */
export function deadLetterQueueName(name: string): string {
  if (name.endsWith('.dlq')) return name;
  return deadLetterQueueOf(name.includes('.') ? name : eventQueueOf(name));
}

/** Headers the consumer added while retrying; a republished message starts afresh without them. */
const RETRY_HEADERS = [ATTEMPT_HEADER, 'x-last-error', 'x-original-routing-key'];

/**
 * Reads and drains `<queue>.dlq` (libs/bus dead-letters there after the last retry, with the headers
 * `x-attempt`, `x-last-error` and `x-original-routing-key`). AMQP cannot browse a queue, so reading
 * takes every message unacked and hands them all back in place on close; republishing publishes a
 * copy to `suite.events` with its original routing key, waits for the broker's confirm, and only
 * then removes the dead letter. No message is lost if the command stops half way: at worst one is
 * both republished and still in the dead-letter queue, which the consumers' inboxes absorb.
 */
export class DeadLetterQueue {
  private constructor(
    private readonly connection: ChannelModel,
    private readonly channel: ConfirmChannel,
    readonly queue: string,
  ) {}

  static async open(amqpUrl: string, name: string): Promise<DeadLetterQueue> {
    const connection = await amqp.connect(amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      // A refused operation (no such queue) rejects its own call; without a listener it would also crash the process.
      channel.on('error', () => undefined);
      const queue = deadLetterQueueName(name);
      // checkQueue fails (and closes the channel) for a queue that does not exist: say so, do not create it.
      await channel.checkQueue(queue);
      return new DeadLetterQueue(connection, channel, queue);
    } catch (error) {
      await connection.close().catch(() => undefined);
      throw error;
    }
  }

  async close(): Promise<void> {
    // Closing the channel first is a round trip after the acks and nacks: closing the connection at
    // once can drop them, leaving a republished letter in the queue as well.
    await this.channel.close().catch(() => undefined);
    await this.connection.close();
  }

  /** Every dead letter, the oldest first; all stay in the queue. */
  async list(): Promise<DeadLetter[]> {
    const messages = await this.takeAll();
    try {
      return messages.map((message, index) => describe(message, index + 1));
    } finally {
      this.channel.nackAll(true);
    }
  }

  /** Republishes every dead letter (`all`), or the one with this message id. */
  async republish(which: { all: true } | { messageId: string }): Promise<Republished[]> {
    const messages = await this.takeAll();
    const outcomes: Republished[] = [];
    try {
      for (const message of messages) {
        if (!('all' in which) && message.properties.messageId !== which.messageId) continue;
        outcomes.push(await this.republishOne(message));
      }
    } finally {
      // What was not republished goes back where it was.
      this.channel.nackAll(true);
    }
    return outcomes;
  }

  /** Takes the messages that are in the queue now (a bounded count, so nothing is read twice). */
  private async takeAll(): Promise<GetMessage[]> {
    const { messageCount } = await this.channel.checkQueue(this.queue);
    const messages: GetMessage[] = [];
    for (let i = 0; i < messageCount; i++) {
      const message = await this.channel.get(this.queue, { noAck: false });
      if (!message) break;
      messages.push(message);
    }
    return messages;
  }

  private async republishOne(message: GetMessage): Promise<Republished> {
    const { messageId = null } = message.properties;
    const routingKey = routingKeyOf(message);
    if (!routingKey) return { messageId, routingKey, republished: false, reason: 'no original routing key (an unreadable message?)' };
    const headers = { ...message.properties.headers };
    for (const name of RETRY_HEADERS) delete headers[name];
    headers['x-republished-from'] = this.queue;
    const options: Options.Publish = { ...message.properties, headers, persistent: true, mandatory: true };
    // mandatory: a key no queue is bound to comes back (basic.return, before the confirm) instead of vanishing.
    let returned = false;
    const onReturn = (back: { properties: { messageId?: string } }) => {
      if (back.properties.messageId === message.properties.messageId) returned = true;
    };
    this.channel.on('return', onReturn);
    try {
      await new Promise<void>((resolve, reject) =>
        this.channel.publish(EVENTS_EXCHANGE, routingKey, message.content, options, (error) => (error ? reject(error) : resolve())),
      );
    } finally {
      this.channel.off('return', onReturn);
    }
    if (returned) return { messageId, routingKey, republished: false, reason: `no queue is bound to ${routingKey}` };
    this.channel.ack(message);
    return { messageId, routingKey, republished: true };
  }
}

/**
 * The event type the message was first published under: the consumer's `x-original-routing-key`
 * header, or the AMQP `type` the relay sets (a letter dead-lettered after a retry once carried its
 * retry queue's target, the event queue's name, in that header).
 */
function routingKeyOf(message: GetMessage): string | null {
  const header = message.properties.headers?.['x-original-routing-key'];
  if (typeof header === 'string' && header !== '' && !header.endsWith('.events')) return header;
  return typeof message.properties.type === 'string' && message.properties.type !== '' ? message.properties.type : null;
}

function describe(message: GetMessage, position: number): DeadLetter {
  const { properties } = message;
  const headers = (properties.headers ?? {}) as Record<string, unknown>;
  const text = message.content.toString('utf8');
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: shown as text
  }
  const { headers: _headers, ...rest } = properties;
  return {
    position,
    messageId: properties.messageId ?? null,
    type: properties.type ?? null,
    routingKey: routingKeyOf(message),
    attempts: Number(headers[ATTEMPT_HEADER] ?? 0),
    lastError: typeof headers['x-last-error'] === 'string' ? headers['x-last-error'] : null,
    publishedAt: typeof properties.timestamp === 'number' ? new Date(properties.timestamp * 1000).toISOString() : null,
    headers,
    properties: Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
    body,
  };
}
