import { EventEnvelope } from '@app/contracts';
import { eventually } from '@app/testing';
import { ChannelModel, connect } from 'amqplib';

/**
 * A test's own view of `suite.events` in a run's vhost: an exclusive queue bound to the given routing
 * keys, keeping every envelope that arrives.
 */
export class EventTap {
  readonly events: EventEnvelope[] = [];

  private constructor(private readonly connection: ChannelModel) {}

  static async start(amqpUrl: string, routingKeys: string[]): Promise<EventTap> {
    const connection = await connect(amqpUrl);
    const tap = new EventTap(connection);
    const channel = await connection.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const key of routingKeys) await channel.bindQueue(queue, 'suite.events', key);
    await channel.consume(queue, (message) => message && tap.events.push(JSON.parse(message.content.toString('utf8'))), { noAck: true });
    return tap;
  }

  /** Waits for an event of `type` whose data matches every field of `data`. */
  async waitFor<T extends object>(type: string, data: T, timeoutMs = 15_000): Promise<EventEnvelope<T>> {
    const matches = (event: EventEnvelope) =>
      event.type === type && Object.entries(data).every(([key, value]) => (event.data as Record<string, unknown>)[key] === value);
    const found = await eventually(async () => this.events.find(matches), timeoutMs);
    return found.value as EventEnvelope<T>;
  }

  of(type: string, id: string): EventEnvelope[] {
    return this.events.filter((event) => event.type === type && (event.data as { id?: string }).id === id);
  }

  stop(): Promise<void> {
    return this.connection.close();
  }
}
