// The bus's own files, not its index: the index carries the Nest wiring, which jest cannot load.
import { EventOf, EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { createTestEnvironment, eventually, TestEnvironment } from '@app/testing';
import amqp from 'amqplib';
import { DataSource, EntityManager } from 'typeorm';
import { BusLogger } from './bus-logger';
import { BusConnection } from './connection/bus-connection';
import { EventConsumer } from './inbox/event-consumer';
import { CreateInbox1763800000001 } from './migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from './migrations/create-outbox.migration';
import { Outbox } from './outbox/outbox';
import { insertOutboxRow, newEnvelope } from './outbox/outbox-row';
import { EVENTS_EXCHANGE } from './topology';

const AN_HOUR = 3_600_000;

/**
 * What a stopping process owes the bus (DESIGN.md section 10): its relay publishes what is still in
 * the outbox before the connection closes, two relays on one outbox publish each row once, and its
 * consumer takes nothing after stop() while it finishes and acks what it holds.
 */
describe('bus at shutdown and with several processes, on real RabbitMQ and PostgreSQL', () => {
  let environment: TestEnvironment;
  const open: Array<{ close(): Promise<unknown> }> = [];
  const logged: string[] = [];
  const logger: BusLogger = { log: (m) => logged.push(m), warn: (m) => logged.push(m), error: (m) => logged.push(m) };
  const database = () => environment.databases.tickets;
  // An hour's poll: only a commit wake, the start pass or the shutdown flush can publish.
  const busOptions = (service: string) => ({ service, amqpUrl: environment.amqpUrl, prefetch: 1, retryDelaysMs: [100], outboxPollMs: AN_HOUR, queueType: 'classic' as const });

  /** One "process": its own pool and broker connection. */
  async function process_(): Promise<{ dataSource: DataSource; connection: BusConnection }> {
    const dataSource = new DataSource({ type: 'postgres', url: databaseUrlFor(environment.databaseUrl, database()) });
    await dataSource.initialize();
    const connection = new BusConnection(environment.amqpUrl, logger);
    open.push({ close: () => connection.onApplicationShutdown() }, { close: () => dataSource.destroy() });
    return { dataSource, connection };
  }

  /** A queue of the test's own bound to identity.role.changed: the role ids it received, in order. */
  async function tap(): Promise<string[]> {
    const raw = await amqp.connect(environment.amqpUrl);
    open.push(raw);
    const channel = await raw.createChannel();
    await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true });
    await channel.bindQueue(queue, EVENTS_EXCHANGE, EventTypes.RoleChanged);
    const received: string[] = [];
    await channel.consume(queue, (message) => message && received.push(JSON.parse(message.content.toString()).data.roleId), { noAck: true });
    return received;
  }

  /** Rows written the way another process or a script writes them: no commit of this process wakes its relay. */
  async function writeBehindTheRelay(dataSource: DataSource, roleIds: string[]): Promise<void> {
    const runner = dataSource.createQueryRunner();
    try {
      for (const roleId of roleIds) await insertOutboxRow((sql, params) => runner.query(sql, params), newEnvelope('shutdown-test', EventTypes.RoleChanged, { roleId }, null));
    } finally {
      await runner.release();
    }
  }

  beforeAll(async () => {
    environment = await createTestEnvironment();
    await ensureDatabase(environment.databaseUrl, database());
    const setup = new DataSource({
      type: 'postgres',
      url: databaseUrlFor(environment.databaseUrl, database()),
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001],
    });
    await setup.initialize();
    await setup.runMigrations();
    await setup.query('CREATE TABLE effects (event_id uuid, note text)');
    await setup.destroy();
  });

  afterAll(async () => {
    for (const item of open.reverse()) await item.close().catch(() => undefined);
    await environment?.dispose();
  });

  it('the relay publishes the rows still in the outbox when it stops, before the connection closes', async () => {
    const received = await tap();
    const { dataSource, connection } = await process_();
    const outbox = new Outbox(dataSource, connection, busOptions('flush'), logger);
    outbox.onApplicationBootstrap();
    // Once the start pass has had its turn on the empty outbox, rows written now wait for the hour's poll.
    await eventually(async () => (connection.isConnected() ? true : undefined), 5000);
    await new Promise((r) => setTimeout(r, 1000));
    const pending = Array.from({ length: 30 }, (_, i) => `flush-${i}`);
    await writeBehindTheRelay(dataSource, pending);
    await new Promise((r) => setTimeout(r, 300));
    expect(received).toEqual([]);

    // As Nest stops the process: the connection's hook flushes the relay, then closes.
    await connection.onApplicationShutdown();
    const [{ left }] = await dataSource.query('SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL');
    expect(left).toBe(0);
    await eventually(async () => (received.length >= pending.length ? true : undefined), 5000);
    expect(received).toEqual(pending);
    await dataSource.query('DELETE FROM outbox');
  });

  it('commits made while the relay flushes are published by the flush, never beside it on a closing channel', async () => {
    const received = await tap();
    const { dataSource, connection } = await process_();
    const outbox = new Outbox(dataSource, connection, busOptions('flush-commits'), logger);
    outbox.onApplicationBootstrap();
    await eventually(async () => (connection.isConnected() ? true : undefined), 5000);
    await new Promise((r) => setTimeout(r, 1000));
    // Several batches for the flush to work through while requests still commit.
    const backlog = Array.from({ length: 600 }, (_, i) => `backlog-${i}`);
    await writeBehindTheRelay(dataSource, backlog);
    logged.length = 0;
    const stopping = connection.onApplicationShutdown();
    const late: string[] = [];
    for (let i = 0; i < 20; i++) {
      const roleId = `late-${i}`;
      await outbox.transaction(null, (_manager, publish) => publish(EventTypes.RoleChanged, { roleId }));
      late.push(roleId);
    }
    await stopping;
    expect(logged.filter((line) => /relay paused|before closing/.test(line))).toEqual([]);
    const [{ left }] = await dataSource.query('SELECT count(*)::int AS left FROM outbox WHERE published_at IS NULL');
    await eventually(async () => (received.length >= backlog.length + late.length - left ? true : undefined), 10_000);
    // Whatever committed after the flush's last pass waits in the outbox for the next start; the rest went out once.
    expect(new Set(received).size).toBe(received.length);
    expect(received.length + left).toBe(backlog.length + late.length);
    await dataSource.query('DELETE FROM outbox');
  });

  it('two relays on one outbox publish each row once', async () => {
    const received = await tap();
    const relays = await Promise.all([process_(), process_()]);
    const outboxes = relays.map(({ dataSource, connection }, k) => new Outbox(dataSource, connection, busOptions(`relay${k}`), logger));
    for (const outbox of outboxes) outbox.onApplicationBootstrap();
    // More than two relay batches (200 each), written while neither relay looks.
    const rows = Array.from({ length: 500 }, (_, i) => `twice-${i}`);
    await writeBehindTheRelay(relays[0].dataSource, rows);
    // Both wake at once, as two processes' polls may.
    for (const outbox of outboxes) outbox.kick('poll');
    await eventually(async () => (received.length >= rows.length ? true : undefined), 20_000);
    await new Promise((r) => setTimeout(r, 500));
    expect(received.length).toBe(rows.length);
    expect(new Set(received).size).toBe(rows.length);
    const byRelay = outboxes.map(({ published }) => published.poll + published.start + published.commit);
    expect(byRelay[0] + byRelay[1]).toBe(rows.length);
    for (const outbox of outboxes) await outbox.onApplicationShutdown();
  });

  it('a stopping consumer takes nothing more, finishes and acks the delivery in hand, and leaves the rest queued for another process', async () => {
    const { dataSource, connection } = await process_();
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    const started: string[] = [];
    const handlers = (note: string, wait: () => Promise<void>) => ({
      [EventTypes.RoleChanged]: async (envelope: EventOf<typeof EventTypes.RoleChanged>, manager: EntityManager) => {
        started.push(`${note}:${envelope.data.roleId}`);
        await wait();
        await manager.query('INSERT INTO effects (event_id, note) VALUES ($1, $2)', [envelope.id, note]);
      },
    });
    const first = new EventConsumer(connection, dataSource, { service: 'stopping', handlers: handlers('first', () => held), retryDelaysMs: [100], prefetch: 1, queueType: 'classic' }, logger);
    await first.start();

    const raw = await amqp.connect(environment.amqpUrl);
    open.push(raw);
    const channel = await raw.createConfirmChannel();
    for (const roleId of ['a', 'b', 'c']) {
      const envelope = newEnvelope('shutdown-test', EventTypes.RoleChanged, { roleId }, null);
      channel.publish(EVENTS_EXCHANGE, EventTypes.RoleChanged, Buffer.from(JSON.stringify(envelope)), { persistent: true, messageId: envelope.id });
    }
    await channel.waitForConfirms();
    await eventually(async () => (started.length === 1 ? true : undefined), 5000);

    const stopping = first.stop();
    await new Promise((r) => setTimeout(r, 300));
    release();
    await stopping;
    // One delivery in hand, finished and acked; nothing taken after stop(); two left in the queue.
    expect(started).toEqual(['first:a']);
    expect(first.outcomes.applied).toBe(1);
    const { messageCount } = await channel.checkQueue('stopping.events');
    expect(messageCount).toBe(2);
    expect(logged).toContainEqual(expect.stringMatching(/consumer of stopping\.events stopped: 1 applied/));

    // Another process takes the rest; each event has its effect once.
    const second = new EventConsumer(connection, dataSource, { service: 'stopping', handlers: handlers('second', async () => undefined), retryDelaysMs: [100], prefetch: 1, queueType: 'classic' }, logger);
    await second.start();
    await eventually(async () => (second.outcomes.applied === 2 ? true : undefined), 5000);
    await second.stop();
    const effects: Array<{ note: string; n: number }> = await dataSource.query('SELECT note, count(DISTINCT event_id)::int AS n FROM effects GROUP BY note ORDER BY note');
    expect(effects).toEqual([
      { note: 'first', n: 1 },
      { note: 'second', n: 2 },
    ]);
    expect(started).toEqual(['first:a', 'second:b', 'second:c']);
  });
});
