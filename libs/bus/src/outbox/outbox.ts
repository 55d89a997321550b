import type { EventEnvelope, EventPayloads, EventType } from '@app/contracts';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel } from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusOptions } from '../bus-options';
import { BusConnection } from '../connection/bus-connection';
import { assertSharedTopology, EVENTS_EXCHANGE } from '../topology';
import { eventsPublished } from '../metrics/bus-metrics';
import { AfterCommitHook, crashAfterCommitHook } from './crash-after-commit';
import { insertOutboxRow, newEnvelope } from './outbox-row';
import { WakeOnCommit } from './wake-on-commit';

/** Adds an event to the outbox of the transaction it is given; the payload is the one EventPayloads names. */
export interface PublishInTransaction {
  <TType extends EventType>(type: TType, data: EventPayloads[TType]): Promise<EventEnvelope<EventPayloads[TType]>>;
}

const RELAY_BATCH = 200;

/** What woke a relay pass: a commit that wrote outbox rows, the OUTBOX_POLL_MS timer, start or shutdown. */
export type RelayWake = 'commit' | 'poll' | 'start';

/** Events the relay published, by what woke the pass that published them: shows that commits, not the poll, drive it. */
export type RelayStats = Record<RelayWake, number>;

/**
 * The transactional outbox: an event is written in the same transaction as the change it reports,
 * and the relay publishes it with publisher confirms and only then marks it sent. A crash between
 * the two publishes the event again, which consumers' inboxes absorb.
 */
export class Outbox {
  private channel: ChannelWrapper;
  private timer: NodeJS.Timeout | undefined;
  private relaying: Promise<void> | null = null;
  /** What asked for another pass while one ran ('commit' wins over 'poll'), or null. */
  private again: RelayWake | null = null;
  private stopped = false;
  /** Set when the flush begins: a commit then asks the flush for one more pass instead of starting its own. */
  private stopping = false;
  /** The faults run's crash between commit and publish (crash-after-commit.ts); null outside it. */
  private readonly afterCommit: AfterCommitHook | null;
  private readonly wakeOnCommit = new WakeOnCommit(() => this.kick('commit'));
  readonly published: RelayStats = { commit: 0, poll: 0, start: 0 };

  constructor(
    private readonly dataSource: DataSource,
    private readonly connection: BusConnection,
    private readonly options: BusOptions,
    private readonly logger: BusLogger,
  ) {
    this.afterCommit = crashAfterCommitHook(options.service);
  }

  onApplicationBootstrap(): void {
    this.channel = this.connection.channel(`${this.options.service}.outbox`, (channel: ConfirmChannel) => assertSharedTopology(channel, this.options.queueType));
    this.connection.beforeClose(() => this.onApplicationShutdown());
    // Every commit that wrote outbox rows wakes the relay; the poll is only the safety net (rows
    // written by another process, a wake that came while the broker was away, a pass that failed).
    this.dataSource.subscribers.push(this.wakeOnCommit);
    this.timer = setInterval(() => this.kick('poll'), this.options.outboxPollMs);
    this.kick('start');
  }

  /** Flushes the relay before closing: what was committed by the last requests is published now, not at the next start. */
  async onApplicationShutdown(): Promise<void> {
    this.flushed ??= this.flush();
    await this.flushed;
  }

  private flushed: Promise<void> | undefined;

  private async flush(): Promise<void> {
    clearInterval(this.timer);
    // No pass may run beside the flush's: the channel closes after its last one (a pass started by a
    // commit meanwhile would publish on a closed channel). Commits during the flush get one more pass.
    this.stopping = true;
    await this.relaying;
    while (this.channel) {
      this.again = null;
      await this.relayUntilEmpty('start');
      if (!this.again) break;
    }
    this.stopped = true;
    const index = this.dataSource.subscribers.indexOf(this.wakeOnCommit);
    if (index >= 0) this.dataSource.subscribers.splice(index, 1);
    const { commit, poll, start } = this.published;
    this.logger.log(`relay published ${commit + poll + start} events: ${commit} woken by a commit, ${poll} by the poll, ${start} at start or shutdown`);
    await this.channel?.close();
  }

  /**
   * Runs `work` in one transaction with a `publish` that writes to the outbox of that transaction;
   * the commit wakes the relay (as every commit that wrote outbox rows does).
   */
  async transaction<T>(correlationId: string | null, work: (manager: EntityManager, publish: PublishInTransaction) => Promise<T>): Promise<T> {
    const written: EventEnvelope[] = [];
    const result = await this.dataSource.transaction((manager) => work(manager, this.publisherIn(manager, correlationId, written)));
    // Runs before the relay woken by the commit can publish: its pass needs a database round trip first.
    this.afterCommit?.(written);
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
    this.wakeOnCommit.wrote(manager);
    return envelope;
  }

  /** Starts a relay pass, or asks the running one to go round once more. */
  kick(wake: RelayWake = 'commit'): void {
    if (this.stopped) return;
    if (this.stopping) {
      this.again = wake;
      return;
    }
    if (this.relaying) {
      if (this.again !== 'commit') this.again = wake;
      return;
    }
    // A pass belongs to no request. The commit that woke it ran in a request's context (its log fields,
    // trace and commit gate, which refuses the request's transactions once it is past its deadline or
    // refused by a drain); carried over, that context would refuse the relay's own commits.
    this.relaying = context.with(ROOT_CONTEXT, () => this.relayUntilEmpty(wake)).finally(() => {
      this.relaying = null;
      const again = this.again;
      if (again) {
        this.again = null;
        this.kick(again);
      }
    });
  }

  private async relayUntilEmpty(wake: RelayWake): Promise<void> {
    if (!this.connection.isConnected()) return;
    try {
      if (wake === 'poll' && !(await this.anyUnpublished())) return;
      let published: number;
      do {
        published = await this.relayBatch();
        this.published[wake] += published;
      } while (!this.stopped && published === RELAY_BATCH);
    } catch (error) {
      this.logger.warn(`relay paused, will retry: ${(error as Error).message}`);
    }
  }

  /**
   * Whether any row waits, in one statement on the partial index: the poll mostly finds none, and a
   * claiming pass costs a transaction (three round trips). Rows locked by another instance's pass
   * count as waiting; that pass's claim then skips them.
   */
  private async anyUnpublished(): Promise<boolean> {
    const [{ waiting }]: { waiting: boolean }[] = await this.dataSource.query('SELECT EXISTS (SELECT 1 FROM outbox WHERE published_at IS NULL) AS waiting');
    return waiting;
  }

  /**
   * Publishes one batch in sequence order. The rows are claimed and marked sent in one statement
   * (locked, so a second instance skips them) and the mark commits only once the broker confirmed
   * every message: a failed publish rolls it back. One round trip fewer than select, then update.
   */
  private relayBatch(): Promise<number> {
    return this.dataSource.transaction(async (manager) => {
      const [claimed]: [{ seq: string; type: string; envelope: EventEnvelope }[], number] = await manager.query(
        `UPDATE outbox SET published_at = now()
          WHERE seq IN (SELECT seq FROM outbox WHERE published_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
          RETURNING seq, type, envelope`,
        [RELAY_BATCH],
      );
      if (claimed.length === 0) return 0;
      // RETURNING keeps no order; the broker must receive them in sequence order.
      const rows = claimed.sort((a, b) => (BigInt(a.seq) < BigInt(b.seq) ? -1 : 1));
      const confirmed = Promise.all(
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
      try {
        await confirmed;
      } catch (error) {
        for (const { type } of rows) eventsPublished.inc({ type, outcome: 'failed' });
        throw error;
      }
      for (const { type } of rows) eventsPublished.inc({ type, outcome: 'published' });
      return rows.length;
    });
  }
}
