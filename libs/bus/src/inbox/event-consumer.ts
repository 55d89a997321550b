import type { AnyEvent, EventEnvelope, EventOf, EventType } from '@app/contracts';
import { SpanKind } from '@opentelemetry/api';
import { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage, Options } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusConnection } from '../connection/bus-connection';
import { assertSharedTopology, ATTEMPT_HEADER, deadLetterQueueOf, EVENTS_EXCHANGE, eventQueueOf, retryQueueOf } from '../topology';
import { isDatabaseUnavailable } from '../database-unavailable';
import { deadLetters, eventRetries, eventsConsumed } from '../metrics/bus-metrics';
import { deadLetteringQueueOptions, durableQueueOptions, QueueType } from '../queue-arguments';
import { afterFailure } from './retry-plan';
import { inSpanFrom } from '../tracing/trace-context';

/** Applies one event inside the transaction that also records it in the inbox. */
export type EventHandler<TType extends EventType = EventType> = (envelope: EventOf<TType>, manager: EntityManager) => Promise<void>;

/** A handler per event type, each typed by the payload EventPayloads names for its type. */
export type EventHandlers = { [TType in EventType]?: EventHandler<TType> };

export interface EventConsumerOptions {
  service: string;
  handlers: EventHandlers;
  retryDelaysMs: number[];
  prefetch: number;
  queueType: QueueType;
}

export type DeliveryOutcome = 'applied' | 'duplicate' | 'ignored' | 'retried' | 'dead-lettered';

/**
 * Reads the service's own durable queue, bound to the event types it handles. A message is acked
 * only after the transaction that applied it (and recorded its id in `inbox`) committed; a failing
 * one goes through the retry queues (one per back-off step) and then to `<queue>.dlq`.
 */
export class EventConsumer {
  readonly queue: string;
  private channel: ChannelWrapper;
  private readonly consumerTag: string;
  /** Deliveries being handled; stop() waits for them so each is acked (or retried) before the channel closes. */
  private readonly inFlight = new Set<Promise<void>>();
  /** Lets tests and logs follow what became of each delivery. */
  onOutcome: (outcome: DeliveryOutcome, envelope: EventEnvelope | null) => void = () => undefined;
  /** What this process did with the deliveries it took, logged when it stops: shows how competing instances shared a queue. */
  readonly outcomes: Record<DeliveryOutcome, number> = { applied: 0, duplicate: 0, ignored: 0, retried: 0, 'dead-lettered': 0 };

  constructor(
    private readonly connection: BusConnection,
    private readonly dataSource: DataSource,
    private readonly options: EventConsumerOptions,
    private readonly logger: BusLogger,
  ) {
    this.queue = eventQueueOf(options.service);
    this.consumerTag = `${this.queue}.${process.pid}.${Date.now()}`;
  }

  async start(): Promise<void> {
    const { retryDelaysMs, prefetch, handlers, queueType } = this.options;
    this.channel = this.connection.channel(`${this.queue}.consumer`, async (channel: ConfirmChannel) => {
      await assertSharedTopology(channel, queueType);
      await channel.assertQueue(deadLetterQueueOf(this.queue), durableQueueOptions(queueType));
      for (const delay of retryDelaysMs) await channel.assertQueue(retryQueueOf(this.queue, delay), deadLetteringQueueOptions(queueType, delay, this.queue));
      await channel.assertQueue(this.queue, durableQueueOptions(queueType));
      for (const type of Object.keys(handlers)) await channel.bindQueue(this.queue, EVENTS_EXCHANGE, type);
    });
    // consume() can resolve before the channel's setup ran; wait so the bindings exist on return.
    await this.channel.waitForConnect();
    await this.channel.consume(this.queue, (message) => this.track(this.receive(message)), { noAck: false, prefetch, consumerTag: this.consumerTag });
  }

  /**
   * Cancels the consumer first (the broker delivers nothing more), lets the deliveries in hand finish
   * and ack, then closes the channel: prefetched but unacked messages go back to the queue.
   */
  async stop(): Promise<void> {
    if (!this.channel) return;
    await this.channel.cancel(this.consumerTag).catch((error: Error) => this.logger.warn(`could not cancel the consumer: ${error.message}`));
    const held = this.inFlight.size;
    if (held) this.logger.log(`finishing ${held} event(s) in hand before closing`);
    await Promise.allSettled([...this.inFlight]);
    await this.channel.close();
    const counted = Object.entries(this.outcomes).map(([outcome, count]) => `${count} ${outcome}`);
    this.logger.log(`consumer of ${this.queue} stopped: ${counted.join(', ')}`);
  }

  private track(delivery: Promise<void>): Promise<void> {
    this.inFlight.add(delivery);
    return delivery.finally(() => this.inFlight.delete(delivery));
  }

  private async receive(message: ConsumeMessage): Promise<void> {
    const envelope = parseEnvelope(message.content);
    if (!envelope) {
      this.logger.error(`unreadable message ${message.properties.messageId ?? ''} sent to the dead-letter queue`);
      return this.settle(message, () => this.moveTo(deadLetterQueueOf(this.queue), message, 0, 'unreadable envelope'), 'dead-lettered', null);
    }
    // The publisher's trace goes on here, and every line logged while applying the event names it,
    // the request that caused it (correlationId) and the event itself.
    const fields = { requestId: envelope.correlationId ?? undefined, eventId: envelope.id };
    return inSpanFrom(`consume ${envelope.type}`, SpanKind.CONSUMER, envelope.traceparent, fields, () => this.apply(message, envelope));
  }

  private async apply(message: ConsumeMessage, envelope: EventEnvelope): Promise<void> {
    // The envelope's type picks the handler, which reads the payload its type names (trusted as the publisher is).
    const handler = this.options.handlers[envelope.type as EventType] as ((event: AnyEvent, manager: EntityManager) => Promise<void>) | undefined;
    if (!handler) return this.settle(message, async () => undefined, 'ignored', envelope);
    try {
      const applied = await this.dataSource.transaction(async (manager) => {
        const fresh = await manager.query('INSERT INTO inbox (event_id, type) VALUES ($1, $2) ON CONFLICT DO NOTHING RETURNING event_id', [
          envelope.id,
          envelope.type,
        ]);
        if (fresh.length === 0) return false;
        await handler(envelope as AnyEvent, manager);
        return true;
      });
      this.channel.ack(message);
      // One line per event taken: the trail of what this service did with it (a duplicate is news too).
      this.logger.log(`${envelope.type} ${envelope.id} ${applied ? 'applied' : 'already applied, skipped'}`);
      this.settled(applied ? 'applied' : 'duplicate', envelope);
    } catch (error) {
      await this.retryOrDeadLetter(message, envelope, error as Error);
    }
  }

  private async retryOrDeadLetter(message: ConsumeMessage, envelope: EventEnvelope, error: Error): Promise<void> {
    const databaseAway = isDatabaseUnavailable(error);
    const next = afterFailure(message.properties.headers?.[ATTEMPT_HEADER], this.options.retryDelaysMs, databaseAway);
    if (next.kind === 'retry') {
      const counted = databaseAway ? 'database unavailable, attempt not counted' : `attempt ${next.attempt}`;
      this.logger.warn(`${envelope.type} ${envelope.id} failed (${counted}), retrying in ${next.delayMs} ms: ${error.message}`);
      return this.settle(message, () => this.moveTo(retryQueueOf(this.queue, next.delayMs), message, next.attempt, error.message), 'retried', envelope);
    }
    this.logger.error(`${envelope.type} ${envelope.id} failed ${next.attempt} times, dead-lettered: ${error.message}`);
    return this.settle(message, () => this.moveTo(deadLetterQueueOf(this.queue), message, next.attempt, error.message), 'dead-lettered', envelope);
  }

  /** Acks only after the message's next home confirmed it; otherwise hands it back to the broker. */
  private async settle(message: ConsumeMessage, move: () => Promise<unknown>, outcome: DeliveryOutcome, envelope: EventEnvelope | null): Promise<void> {
    try {
      await move();
      this.channel.ack(message);
      this.settled(outcome, envelope);
    } catch (error) {
      this.logger.warn(`could not move message, returning it to the queue: ${(error as Error).message}`);
      this.channel.nack(message, false, true);
    }
  }

  /** Counts what became of a delivery (the `/metrics` counters and the stop line), then tells `onOutcome`. */
  private settled(outcome: DeliveryOutcome, envelope: EventEnvelope | null): void {
    this.outcomes[outcome] += 1;
    const labels = { queue: this.queue, type: envelope?.type ?? 'unreadable' };
    eventsConsumed.inc({ ...labels, outcome });
    if (outcome === 'retried') eventRetries.inc(labels);
    else if (outcome === 'dead-lettered') deadLetters.inc(labels);
    this.onOutcome(outcome, envelope);
  }

  /** Messages waiting in this consumer's dead-letter queue, as the broker counts them. */
  async deadLetterCount(): Promise<number> {
    return (await this.channel.checkQueue(deadLetterQueueOf(this.queue))).messageCount;
  }

  private moveTo(queue: string, message: ConsumeMessage, attempt: number, reason: string): Promise<boolean> {
    const { properties } = message;
    const options: Options.Publish = {
      persistent: true,
      contentType: properties.contentType,
      messageId: properties.messageId,
      type: properties.type,
      correlationId: properties.correlationId,
      timestamp: properties.timestamp,
      appId: properties.appId,
      // After a retry the message comes back with the queue's name as its routing key: keep the first
      // one (the event type), which the dead-letter command republishes with.
      headers: { ...properties.headers, [ATTEMPT_HEADER]: attempt, 'x-last-error': reason.slice(0, 500), 'x-original-routing-key': properties.headers?.['x-original-routing-key'] ?? message.fields.routingKey },
    };
    return this.channel.sendToQueue(queue, message.content, options);
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function parseEnvelope(content: Buffer): EventEnvelope | null {
  try {
    const value = JSON.parse(content.toString('utf8'));
    const valid =
      typeof value === 'object' && value !== null && typeof value.id === 'string' && UUID.test(value.id) && typeof value.type === 'string' && typeof value.data === 'object';
    return valid ? (value as EventEnvelope) : null;
  } catch {
    return null;
  }
}
