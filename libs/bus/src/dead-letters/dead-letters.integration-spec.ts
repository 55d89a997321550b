// The bus's own files, not its index (the index carries the Nest wiring, which jest cannot load).
import { EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { createTestEnvironment, eventually, TestEnvironment } from '@app/testing';
import amqp from 'amqplib';
import { DataSource } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusConnection } from '../connection/bus-connection';
import { DeliveryOutcome, EventConsumer } from '../inbox/event-consumer';
import { deadLetters, eventsConsumed, eventsPublished } from '../metrics/bus-metrics';
import { CreateInbox1763800000001 } from '../migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from '../migrations/create-outbox.migration';
import { Outbox } from '../outbox/outbox';
import { runDeadLetterCommand } from './dead-letter-command';
import { deadLetterQueueName } from './dead-letter-queue';

/**
 * The operator's dead-letter command against the real broker, in the run's own vhost: an event whose
 * handler keeps failing is dead-lettered, listed, shown, republished once the handler is fixed, and
 * applied; what cannot be republished stays.
 */
describe('npm run dlq: list, show and republish dead letters on real RabbitMQ', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let connection: BusConnection;
  let outbox: Outbox;
  let consumer: EventConsumer;
  let failing = true;
  const outcomes: { outcome: DeliveryOutcome; id: string | null }[] = [];
  const logger: BusLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const options = { service: 'dlqtest', prefetch: 4, retryDelaysMs: [100], outboxPollMs: 100, queueType: 'classic' as const };

  /** Runs the command as `npm run dlq -- ...args` would, with its output captured. */
  async function dlq(...args: string[]): Promise<{ code: number; out: string[]; err: string[] }> {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runDeadLetterCommand(args, environment.amqpUrl, { out: (l) => out.push(l), err: (l) => err.push(l) });
    return { code, out, err };
  }

  async function queueDepth(queue: string): Promise<number> {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    await raw.close();
    return messageCount;
  }

  const counted = async (metric: typeof eventsConsumed | typeof deadLetters | typeof eventsPublished, labels: Record<string, string>) =>
    (await metric.get()).values.filter((v) => Object.entries(labels).every(([k, value]) => (v.labels as Record<string, unknown>)[k] === value)).reduce((sum, v) => sum + v.value, 0);

  beforeAll(async () => {
    environment = await createTestEnvironment();
    const database = environment.databases.tickets;
    await ensureDatabase(environment.databaseUrl, database);
    dataSource = new DataSource({ type: 'postgres', url: databaseUrlFor(environment.databaseUrl, database), migrations: [CreateOutbox1763800000000, CreateInbox1763800000001] });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE effects (event_id uuid PRIMARY KEY)');
    connection = new BusConnection(environment.amqpUrl, logger);
    outbox = new Outbox(dataSource, connection, { ...options, amqpUrl: environment.amqpUrl }, logger);
    outbox.onApplicationBootstrap();
    consumer = new EventConsumer(
      connection,
      dataSource,
      {
        ...options,
        handlers: {
          [EventTypes.RoleChanged]: async (envelope, manager) => {
            if (failing) throw new Error('handler refuses');
            await manager.query('INSERT INTO effects (event_id) VALUES ($1)', [envelope.id]);
          },
        },
      },
      logger,
    );
    consumer.onOutcome = (outcome, envelope) => outcomes.push({ outcome, id: envelope?.id ?? null });
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await outbox?.onApplicationShutdown();
    await connection?.onApplicationShutdown();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  let poisonId: string;

  it('counts a failing event retried, then dead-lettered, with its original routing key kept through the retry', async () => {
    const poison = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'poison' }));
    poisonId = poison.id;
    await eventually(async () => (outcomes.some((o) => o.id === poisonId && o.outcome === 'dead-lettered') ? true : undefined), 10_000);
    expect(outcomes.filter((o) => o.id === poisonId).map((o) => o.outcome)).toEqual(['retried', 'dead-lettered']);
    expect(await queueDepth('dlqtest.events.dlq')).toBe(1);
    expect(await counted(eventsPublished, { type: EventTypes.RoleChanged, outcome: 'published' })).toBeGreaterThanOrEqual(1);
    expect(await counted(eventsConsumed, { queue: 'dlqtest.events', type: EventTypes.RoleChanged, outcome: 'retried' })).toBe(1);
    expect(await counted(deadLetters, { queue: 'dlqtest.events', type: EventTypes.RoleChanged })).toBe(1);
    expect(await consumer.deadLetterCount()).toBe(1);
  });

  it('lists the dead letters without taking them, by service, event queue or dead-letter queue name', async () => {
    for (const name of ['dlqtest', 'dlqtest.events', 'dlqtest.events.dlq']) {
      const listed = await dlq('list', name);
      expect(listed.code).toBe(0);
      expect(listed.out[0]).toBe('dlqtest.events.dlq: 1 dead letter(s)');
      expect(listed.out[1]).toContain(poisonId);
      expect(listed.out[1]).toContain(EventTypes.RoleChanged);
      expect(listed.out[1]).toContain('attempts=2');
      expect(listed.out[1]).toContain('handler refuses');
    }
    expect(await queueDepth('dlqtest.events.dlq')).toBe(1);
  });

  it('shows one dead letter in full, and says when there is no such number', async () => {
    const shown = await dlq('show', 'dlqtest', '1');
    expect(shown.code).toBe(0);
    const letter = JSON.parse(shown.out.join('\n'));
    expect(letter).toMatchObject({
      position: 1,
      messageId: poisonId,
      type: EventTypes.RoleChanged,
      routingKey: EventTypes.RoleChanged,
      attempts: 2,
      lastError: 'handler refuses',
      headers: { 'x-original-routing-key': EventTypes.RoleChanged },
      body: { id: poisonId, type: EventTypes.RoleChanged, data: { roleId: 'poison' } },
    });
    const missing = await dlq('show', 'dlqtest', '2');
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('no dead letter number 2');
    expect(await queueDepth('dlqtest.events.dlq')).toBe(1);
  });

  it('republishes one dead letter by message id to the exchange, where the fixed consumer applies it', async () => {
    failing = false;
    const unknown = await dlq('republish', 'dlqtest', '--id', '00000000-0000-4000-8000-000000000000');
    expect(unknown.code).toBe(1);
    expect(await queueDepth('dlqtest.events.dlq')).toBe(1);
    const republished = await dlq('republish', 'dlqtest', '--id', poisonId);
    expect(republished.code).toBe(0);
    expect(republished.out).toContain(`republished  ${poisonId}  ${EventTypes.RoleChanged}`);
    await eventually(async () => (outcomes.some((o) => o.id === poisonId && o.outcome === 'applied') ? true : undefined), 10_000);
    expect(await dataSource.query('SELECT event_id FROM effects')).toEqual([{ event_id: poisonId }]);
    expect(await queueDepth('dlqtest.events.dlq')).toBe(0);
  });

  it('republish --all keeps what has no routing key (an unreadable message) and exits 1', async () => {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createConfirmChannel();
    channel.sendToQueue('dlqtest.events', Buffer.from('not json at all'), { persistent: true });
    await channel.waitForConfirms();
    await raw.close();
    await eventually(async () => ((await queueDepth('dlqtest.events.dlq')) === 1 ? true : undefined), 10_000);
    const all = await dlq('republish', 'dlqtest', '--all');
    expect(all.code).toBe(1);
    expect(all.out.at(-1)).toBe('dlqtest.events.dlq: 0 republished, 1 kept');
    expect(await queueDepth('dlqtest.events.dlq')).toBe(1);
  });

  it('answers bad usage with the usage and 2, and a queue that does not exist with an error', async () => {
    for (const args of [[], ['list'], ['drop', 'dlqtest'], ['show', 'dlqtest', '0'], ['republish', 'dlqtest'], ['republish', 'dlqtest', '--id']]) {
      const answer = await dlq(...args);
      expect({ args, code: answer.code, usage: answer.err.join('\n').startsWith('usage: npm run dlq') }).toEqual({ args, code: 2, usage: true });
    }
    await expect(dlq('list', 'nosuch')).rejects.toThrow(/NOT_FOUND|404/);
    expect(deadLetterQueueName('tickets')).toBe('tickets.events.dlq');
  });
});
