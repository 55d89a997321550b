import { EVENT_SUBSCRIPTIONS, SubscribingService } from '@app/contracts';
import { DataSource } from 'typeorm';
import { BusLoggerFactory } from '../bus-logger';
import { BusOptions } from '../bus-options';
import { BusConnection } from '../connection/bus-connection';
import { EventConsumer, EventHandlers } from './event-consumer';

/** Starts the service's consumer on its own queue with the handlers it passes. */
export class EventConsumerFactory {
  /** The consumers this process started: `/metrics` reads their dead-letter queues' depth. */
  readonly started: EventConsumer[] = [];

  constructor(
    private readonly connection: BusConnection,
    private readonly dataSource: DataSource,
    private readonly options: BusOptions,
    private readonly loggerFor: BusLoggerFactory,
  ) {}

  /** `handlers` must cover exactly the service's subscriptions, so no bound event goes unhandled. */
  async start(handlers: EventHandlers): Promise<EventConsumer> {
    const { service, retryDelaysMs, prefetch, queueType } = this.options;
    const subscribed: readonly string[] = EVENT_SUBSCRIPTIONS[service as SubscribingService] ?? [];
    const unhandled = subscribed.filter((type) => !handlers[type as keyof EventHandlers]);
    const unsubscribed = Object.keys(handlers).filter((type) => !subscribed.includes(type));
    if (unhandled.length || unsubscribed.length) {
      throw new Error(`${service}: EVENT_SUBSCRIPTIONS and handlers disagree (no handler: ${unhandled.join(', ') || '-'}; not subscribed: ${unsubscribed.join(', ') || '-'})`);
    }
    const consumer = new EventConsumer(this.connection, this.dataSource, { service, handlers, retryDelaysMs, prefetch, queueType }, this.loggerFor(`Events ${service}`));
    await consumer.start();
    this.started.push(consumer);
    return consumer;
  }
}
