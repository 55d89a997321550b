import { EVENTS_EXCHANGE } from '@app/bus/topology';
import { ChannelModel, connect } from 'amqplib';

/** A bus message as it was delivered to the tap. */
export interface TappedMessage {
  routingKey: string;
  messageId: string | undefined;
  headers: string;
  body: string;
}

/**
 * A private queue bound to every routing key of `suite.events` in a run's vhost, holding a copy of each
 * event published there. Start it before the services, so it sees the first one.
 */
export class BusTap {
  readonly messages: TappedMessage[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async start(amqpUrl: string): Promise<BusTap> {
    const connection = await connect(amqpUrl);
    const tap = new BusTap(connection);
    const channel = await connection.createChannel();
    // Declared as the services declare it (idempotent), so the binding exists before they start.
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, '#');
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        tap.messages.push({
          routingKey: message.fields.routingKey,
          messageId: message.properties.messageId,
          headers: JSON.stringify(message.properties.headers ?? {}),
          body: message.content.toString('utf8'),
        });
      },
      { noAck: true },
    );
    return tap;
  }

  stop(): Promise<void> {
    return this.connection.close();
  }
}
