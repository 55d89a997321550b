// The bus's own files, not its index: the index carries the Nest wiring, which jest cannot load
// (Nest 12 ships ES modules only); the classes under test know nothing of Nest.
import { EVENT_SUBSCRIPTIONS, EventEnvelope, EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { adminQuery, createTestEnvironment, eventually, TestEnvironment } from '@app/testing';
import amqp from 'amqplib';
import { DataSource } from 'typeorm';
import { BusLogger } from './bus-logger';
import { BusConnection } from './connection/bus-connection';
import { DeliveryOutcome, EventConsumer } from './inbox/event-consumer';
import { CreateInbox1763800000001 } from './migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from './migrations/create-outbox.migration';
import { Outbox } from './outbox/outbox';
import { insertOutboxRow, newEnvelope } from './outbox/outbox-row';
import { assertSharedTopology, EVENTS_EXCHANGE, eventQueueOf } from './topology';

/**
 * libs/bus against the real broker and database, in-process: the outbox publishes only what
 * committed, the consumer acks only what committed, retries with back-off, dead-letters, and
 * applies a redelivered event once.
 */
describe('bus: outbox, inbox, retries and dead letters on real RabbitMQ and PostgreSQL', () => {
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let connection: BusConnection;
  let outbox: Outbox;
  const logged: string[] = [];
  const logger: BusLogger = { log: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const database = () => environment.databases.identity;
  const busOptions = (service: string) => ({ service, amqpUrl: environment.amqpUrl, prefetch: 4, retryDelaysMs: [100, 300], outboxPollMs: 100, queueType: 'classic' as const });

  beforeAll(async () => {
    environment = await createTestEnvironment();
    await ensureDatabase(environment.databaseUrl, database());
    dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrlFor(environment.databaseUrl, database()),
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001],
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    await dataSource.query('CREATE TABLE effects (event_id uuid, note text)');
    connection = new BusConnection(environment.amqpUrl, logger);
    outbox = new Outbox(dataSource, connection, busOptions('bustest'), logger);
    outbox.onApplicationBootstrap();
  });

  afterAll(async () => {
    await outbox?.onApplicationShutdown();
    await connection?.onApplicationShutdown();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  /** A consumer on its own queue that records every outcome. */
  async function consumer(service: string, handler: (envelope: EventEnvelope) => Promise<void>) {
    const outcomes: { outcome: DeliveryOutcome; id: string | null }[] = [];
    const subject = new EventConsumer(connection, dataSource, {
      ...busOptions(service),
      handlers: {
        [EventTypes.RoleChanged]: async (envelope, manager) => {
          await manager.query('INSERT INTO effects (event_id, note) VALUES ($1, $2)', [envelope.id, service]);
          await handler(envelope);
        },
      },
    }, logger);
    subject.onOutcome = (outcome, envelope) => outcomes.push({ outcome, id: envelope?.id ?? null });
    await subject.start();
    return { subject, outcomes };
  }

  const effectsOf = async (service: string) => (await dataSource.query('SELECT event_id FROM effects WHERE note = $1', [service])).length;

  async function publishRaw(queue: string, content: string | Buffer): Promise<void> {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createConfirmChannel();
    channel.sendToQueue(queue, Buffer.from(content), { persistent: true });
    await channel.waitForConfirms();
    await raw.close();
  }

  async function getOne(queue: string): Promise<amqp.GetMessage | false> {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createChannel();
    const message = await channel.get(queue, { noAck: true });
    await raw.close();
    return message;
  }

  async function queueDepth(queue: string): Promise<number> {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createChannel();
    const { messageCount } = await channel.checkQueue(queue);
    await raw.close();
    return messageCount;
  }

  it('publishes an event only when its transaction commits, as a persistent message', async () => {
    const { subject, outcomes } = await consumer('commit', async () => undefined);
    await expect(
      outbox.transaction('c-1', async (_manager, publish) => {
        await publish(EventTypes.RoleChanged, { roleId: 'rolled-back' });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    const committed = await outbox.transaction('c-2', (_manager, publish) => publish(EventTypes.RoleChanged, { roleId: 'kept' }));

    await eventually(async () => (outcomes.some((o) => o.id === committed.id) ? true : undefined), 5000);
    const rows = await dataSource.query(`SELECT envelope->'data'->>'roleId' AS role, published_at FROM outbox ORDER BY seq`);
    expect(rows.map((r: { role: string }) => r.role)).toEqual(['kept']);
    expect(rows[0].published_at).not.toBeNull();
    expect(committed).toMatchObject({ type: 'identity.role.changed', version: 1, source: 'bustest', correlationId: 'c-2' });
    await subject.stop();

    // With its consumer gone the next event waits in the durable queue, as a persistent message.
    const waiting = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'waits' }));
    const message = await eventually(async () => (await getOne('commit.events')) || undefined, 5000);
    expect(message.value.properties).toMatchObject({ deliveryMode: 2, messageId: waiting.id, type: 'identity.role.changed' });
  });

  it('retries a failing handler with back-off, then applies the event once', async () => {
    let calls = 0;
    const { subject, outcomes } = await consumer('flaky', async () => {
      calls += 1;
      if (calls < 3) throw new Error(`failure ${calls}`);
    });
    const event = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'flaky' }));
    await eventually(async () => (outcomes.some((o) => o.outcome === 'applied') ? true : undefined), 5000);
    expect(outcomes.map((o) => o.outcome)).toEqual(['retried', 'retried', 'applied']);
    expect(outcomes.every((o) => o.id === event.id)).toBe(true);
    // The two failed attempts rolled back their effect and their inbox row.
    expect(await effectsOf('flaky')).toBe(1);
    await subject.stop();
  });

  it('an event whose handler finds the database away retries past the back-off, never dead-lettered, then applies once', async () => {
    let calls = 0;
    const { subject, outcomes } = await consumer('outage', async () => {
      calls += 1;
      // As pg reports a server shutting down: more failures than there are retry delays.
      if (calls <= 4) throw Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' });
    });
    const event = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'outage' }));
    await eventually(async () => (outcomes.some((o) => o.outcome === 'applied') ? true : undefined), 10000);
    expect(outcomes.map((o) => o.outcome)).toEqual(['retried', 'retried', 'retried', 'retried', 'applied']);
    expect(outcomes.every((o) => o.id === event.id)).toBe(true);
    expect(await queueDepth('outage.events.dlq')).toBe(0);
    expect(await effectsOf('outage')).toBe(1);
    await subject.stop();
  });

  it('dead-letters an event that keeps failing and goes on with the next one', async () => {
    const { subject, outcomes } = await consumer('poisoned', async (envelope) => {
      if ((envelope.data as { roleId: string }).roleId === 'bad') throw new Error('always fails');
    });
    const bad = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'bad' }));
    const good = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'good' }));
    await eventually(async () => (outcomes.some((o) => o.outcome === 'dead-lettered') ? true : undefined), 5000);
    expect(outcomes.filter((o) => o.id === bad.id).map((o) => o.outcome)).toEqual(['retried', 'retried', 'dead-lettered']);
    expect(outcomes.find((o) => o.id === good.id)?.outcome).toBe('applied');
    expect(await queueDepth('poisoned.events.dlq')).toBe(1);
    expect(await effectsOf('poisoned')).toBe(1);
    await subject.stop();
  });

  it('applies a redelivered event once, and dead-letters an unreadable message at once', async () => {
    const { subject, outcomes } = await consumer('twice', async () => undefined);
    const event = await outbox.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'twice' }));
    await eventually(async () => (outcomes.length === 1 ? true : undefined), 5000);
    await publishRaw('twice.events', JSON.stringify(event));
    await publishRaw('twice.events', 'not json at all');
    await eventually(async () => (outcomes.length === 3 ? true : undefined), 5000);
    expect(outcomes.map((o) => o.outcome)).toEqual(['applied', 'duplicate', 'dead-lettered']);
    expect(await effectsOf('twice')).toBe(1);
    expect(await queueDepth('twice.events.dlq')).toBe(1);
    await subject.stop();
  });

  it('keeps unpublished events in the outbox while the broker cannot be reached, and sends them once it can', async () => {
    // Only the stalled relay runs while the event is written: the healthy one shares the table.
    await outbox.onApplicationShutdown();
    const unreachable = new BusConnection('amqp://guest:guest@127.0.0.1:1/nowhere', logger);
    const stalled = new Outbox(dataSource, unreachable, busOptions('stalled'), logger);
    stalled.onApplicationBootstrap();
    const waiting = await stalled.transaction(null, (_m, publish) => publish(EventTypes.RoleChanged, { roleId: 'waiting' }));
    await new Promise((r) => setTimeout(r, 500));
    const [row] = await dataSource.query('SELECT published_at FROM outbox WHERE event_id = $1', [waiting.id]);
    expect(row.published_at).toBeNull();
    await stalled.onApplicationShutdown();
    await unreachable.onApplicationShutdown();

    // A relay that reaches the broker picks the row up on its first pass.
    const { subject, outcomes } = await consumer('recovered', async () => undefined);
    outbox = new Outbox(dataSource, connection, busOptions('bustest'), logger);
    outbox.onApplicationBootstrap();
    await eventually(async () => (outcomes.some((o) => o.id === waiting.id) ? true : undefined), 5000);
    await subject.stop();
    expect((await adminQuery(database(), 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL'))[0]).toEqual({ n: 0 });
  });

  it('relays events in the order their transactions committed, each once', async () => {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createChannel();
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, EventTypes.RoleChanged);
    const received: string[] = [];
    await channel.consume(queue, (message) => message && received.push(JSON.parse(message.content.toString()).data.roleId), { noAck: true });
    // More than one relay batch (200), written by transactions of several events and single ones.
    const sent: string[] = [];
    for (let batch = 0; batch < 25; batch += 1) {
      const size = batch % 2 === 0 ? 1 : 20;
      const ids = Array.from({ length: size }, (_, i) => `order-${batch}-${i}`);
      sent.push(...ids);
      await outbox.transaction(null, async (_m, publish) => {
        for (const roleId of ids) await publish(EventTypes.RoleChanged, { roleId });
      });
    }
    await eventually(async () => (received.length >= sent.length ? true : undefined), 15_000);
    await new Promise((r) => setTimeout(r, 300));
    await raw.close();
    expect(received).toEqual(sent);
  });

  it('insertOutboxRow writes the envelope a script hands it, for the relay to publish', async () => {
    const client = await dataSource.createQueryRunner();
    const envelope = newEnvelope('script', EventTypes.RoleChanged, { roleId: 'from-a-script' }, 'cli-1');
    await insertOutboxRow((sql, params) => client.query(sql, params), envelope);
    await client.release();
    const [row] = await dataSource.query('SELECT event_id, type, envelope FROM outbox WHERE event_id = $1', [envelope.id]);
    expect(row).toEqual({ event_id: envelope.id, type: 'identity.role.changed', envelope });
  });

  it('declares the exchange and binds each subscribing service to exactly its event types', async () => {
    const raw = await amqp.connect(environment.amqpUrl);
    const channel = await raw.createConfirmChannel();
    await assertSharedTopology(channel, 'classic');
    await assertSharedTopology(channel, 'classic'); // idempotent
    for (const service of Object.keys(EVENT_SUBSCRIPTIONS)) await channel.purgeQueue(eventQueueOf(service));
    const allTypes = Object.values(EventTypes);
    for (const type of allTypes) channel.publish(EVENTS_EXCHANGE, type, Buffer.from(JSON.stringify({ type })), { persistent: false });
    await channel.waitForConfirms();
    for (const [service, types] of Object.entries(EVENT_SUBSCRIPTIONS)) {
      const got: string[] = [];
      for (let message = await channel.get(eventQueueOf(service), { noAck: true }); message; message = await channel.get(eventQueueOf(service), { noAck: true })) {
        got.push(JSON.parse(message.content.toString()).type);
      }
      expect({ service, types: got.sort() }).toEqual({ service, types: [...types].sort() });
    }
    await raw.close();
  });
});
