import type { EventEnvelope, EventPayloads, EventType } from '@app/contracts';
import { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusOptions } from '../bus-options';
import { BusConnection } from '../connection/bus-connection';
import { assertSharedTopology, EVENTS_EXCHANGE } from '../topology';
import { AfterCommitHook, crashAfterCommitHook } from './crash-after-commit';
import { insertOutboxRow, newEnvelope } from './outbox-row';

/** Adds an event to the outbox of the transaction it is given; the payload is the one EventPayloads names. */
export interface PublishInTransaction {
  <TType extends EventType>(type: TType, data: EventPayloads[TType]): Promise<EventEnvelope<EventPayloads[TType]>>;
}

const RELAY_BATCH = 200;

/**
 * The transactional outbox: an event is written in the same transaction as the change it reports,
 * and the relay publishes it with publisher confirms and only then marks it sent. A crash between
 * the two publishes the event again, which consumers' inboxes absorb.
 */
export class Outbox {
  private channel: ChannelWrapper;
  private timer: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  /** The faults run's crash between commit and publish (crash-after-commit.ts); null outside it. */
  private readonly afterCommit: AfterCommitHook | null;

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: BusConnection,
    private readonly options: BusOptions,
    private readonly logger: BusLogger,
  ) {
    this.afterCommit = crashAfterCommitHook(options.service);
  }

  onApplicationBootstrap(): void {
    this.channel = this.connection.channel(`${this.options.service}.outbox`, (channel: ConfirmChannel) => assertSharedTopology(channel));
    this.connection.beforeClose(() => this.onApplicationShutdown());
    this.timer = setInterval(() => this.kick(), this.options.outboxPollMs);
    this.kick();
  }

  /** Flushes the relay before closing: what was committed by the last requests is published now, not at the next start. */
  async onApplicationShutdown(): Promise<void> {
    this.flushed ??= this.flush();
    await this.flushed;
  }

  private flushed: Promise<void> | undefined;

  private async flush(): Promise<void> {
    clearInterval(this.timer);
    await this.relaying;
    if (this.channel) await this.relayUntilEmpty();
    this.stopped = true;
    await this.channel?.close();
  }

  /**
   * Runs `work` in one transaction with a `publish` that writes to the outbox of that transaction,
   * then wakes the relay once the transaction has committed.
   */
  async transaction<T>(correlationId: string | null, work: (manager: EntityManager, publish: PublishInTransaction) => Promise<T>): Promise<T> {
    const written: EventEnvelope[] = [];
    const result = await this.dataSource.transaction((manager) =>
      work(manager, this.publisherIn(manager, correlationId, written)),
    );
    this.afterCommit?.(written);
    this.kick();
    return result;
  }

  /** A `publish` that writes to the outbox of the transaction `manager` runs. */
  publisherIn(manager: EntityManager, correlationId: string | null, written?: EventEnvelope[]): PublishInTransaction {
    return async <TType extends EventType>(type: TType, data: EventPayloads[TType]) => {
      const envelope = await this.add(manager, type, data, correlationId);
      written?.push(envelope);
      return envelope;
    };
  }

  async add<TType extends EventType>(manager: EntityManager, type: TType, data: EventPayloads[TType], correlationId: string | null): Promise<EventEnvelope<EventPayloads[TType]>> {
    const envelope = newEnvelope(this.options.service, type, data, correlationId);
    await insertOutboxRow((sql, params) => manager.query(sql, params), envelope);
    return envelope;
  }

  /** Starts a relay pass, or asks the running one to go round once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.relaying) {
      this.again = true;
      return;
    }
    this.relaying = this.relayUntilEmpty().finally(() => {
      this.relaying = null;
      if (this.again) {
        this.again = false;
        this.kick();
      }
    });
  }

  private async relayUntilEmpty(): Promise<void> {
    if (!this.connection.isConnected()) return;
    try {
      while (!this.stopped && (await this.relayBatch()) === RELAY_BATCH);
    } catch (error) {
      this.logger.warn(`relay paused, will retry: ${(error as Error).message}`);
    }
  }

  /** Publishes one batch in sequence order; rows stay locked so a second instance skips them. */
  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const rows: { seq: string; type: string; envelope: EventEnvelope }[] = await manager.query(
        'SELECT seq, type, envelope FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED',
        [RELAY_BATCH],
      );
      if (rows.length === 0) return 0;
      await Promise.all(
        rows.map(({ type, envelope }) =>
          this.channel.publish(EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify(envelope)), {
            persistent: true,
            contentType: 'application/json',
            messageId: envelope.id,
            type,
            correlationId: envelope.correlationId ?? undefined,
            timestamp: Math.floor(Date.parse(envelope.occurredAt) / 1000),
            appId: envelope.source,
          }),
        ),
      );
      await manager.query('UPDATE outbox SET published_at = now() WHERE seq = ANY($1::bigint[])', [rows.map((r) => r.seq)]);
      return rows.length;
    });
  }
}
