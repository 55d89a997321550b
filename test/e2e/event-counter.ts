import { ChannelModel, connect } from 'amqplib';

/**
 * The test's own queue on `suite.events` in a run's vhost, bound to every routing key: counts the
 * deliveries of each event id, to tell an event published twice (two relays) from one never published.
 * Start it before the services, so it sees the first event.
 */
export class EventCounter {
  /** Deliveries by event id (the envelope's id, also the message id). */
  readonly deliveries = new Map<string, number>();

  private constructor(private readonly connection: ChannelModel) {}

  static async start(amqpUrl: string): Promise<EventCounter> {
    const connection = await connect(amqpUrl);
    const counter = new EventCounter(connection);
    const channel = await connection.createChannel();
    // Declared as the services declare it (idempotent), so the binding exists before they start.
    await channel.assertExchange('suite.events', 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    await channel.bindQueue(queue, 'suite.events', '#');
    await channel.consume(
      queue,
      (message) => {
        if (!message) return;
        const id = String(JSON.parse(message.content.toString('utf8')).id);
        counter.deliveries.set(id, (counter.deliveries.get(id) ?? 0) + 1);
      },
      { noAck: true },
    );
    return counter;
  }

  /** Event ids delivered more than once, with their counts. */
  duplicates(): Array<[string, number]> {
    return [...this.deliveries].filter(([, count]) => count > 1);
  }

  stop(): Promise<void> {
    return this.connection.close();
  }
}
