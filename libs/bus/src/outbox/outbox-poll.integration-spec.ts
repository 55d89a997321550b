// The bus's own files, not its index: the index carries the Nest wiring, which jest cannot load.
import { EventEnvelope, EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { adminQuery, createTestEnvironment, eventually, TestEnvironment } from '@app/testing';
import { DataSource } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusConnection } from '../connection/bus-connection';
import { EventConsumer } from '../inbox/event-consumer';
import { CreateInbox1763800000001 } from '../migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from '../migrations/create-outbox.migration';
import { Outbox } from './outbox';
import { insertOutboxRow, newEnvelope } from './outbox-row';

/**
 * The poll is the relay's safety net for rows no commit of this process announced (another process
 * wrote them, or a wake came while the broker was away). It first asks whether any row waits, so an
 * idle poll is one statement; a row written by another connection is still published by it.
 */
describe('outbox: the poll publishes rows that no commit of its own announced', () => {
  const POLL_MS = 100;
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let connection: BusConnection;
  let outbox: Outbox;
  let consumer: EventConsumer;
  const logger: BusLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const busOptions = (service: string) => ({ service, amqpUrl: environment.amqpUrl, prefetch: 4, retryDelaysMs: [100], outboxPollMs: POLL_MS, queueType: 'classic' as const });
  const seen: string[] = [];

  beforeAll(async () => {
    environment = await createTestEnvironment();
    await ensureDatabase(environment.databaseUrl, environment.databases.identity);
    dataSource = new DataSource({
      type: 'postgres',
      url: databaseUrlFor(environment.databaseUrl, environment.databases.identity),
      migrations: [CreateOutbox1763800000000, CreateInbox1763800000001],
    });
    await dataSource.initialize();
    await dataSource.runMigrations();
    connection = new BusConnection(environment.amqpUrl, logger);
    outbox = new Outbox(dataSource, connection, busOptions('polling'), logger);
    outbox.onApplicationBootstrap();
    await connection.channel('probe', async () => undefined).waitForConnect();
    consumer = new EventConsumer(connection, dataSource, {
      ...busOptions('watching'),
      handlers: { [EventTypes.RoleChanged]: async (envelope: EventEnvelope<{ roleId: string }>) => void seen.push(envelope.data.roleId) },
    }, logger);
    await consumer.start();
  });

  afterAll(async () => {
    await consumer?.stop();
    await outbox?.onApplicationShutdown();
    await connection?.onApplicationShutdown();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  it('publishes nothing while idle, then a row another connection wrote, counted under the poll', async () => {
    await new Promise((done) => setTimeout(done, POLL_MS * 5));
    expect(outbox.published).toEqual({ commit: 0, poll: 0, start: 0 });

    const envelope = newEnvelope('elsewhere', EventTypes.RoleChanged, { roleId: 'written-elsewhere' }, null);
    await insertOutboxRow((sql, params) => adminQuery(environment.databases.identity, sql, params), envelope);

    await eventually(async () => (seen.includes('written-elsewhere') ? true : undefined), 10_000);
    await eventually(async () => (outbox.published.poll === 1 ? true : undefined), 5_000);
    expect(outbox.published).toEqual({ commit: 0, poll: 1, start: 0 });
    expect(await adminQuery(environment.databases.identity, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).toEqual([{ n: 0 }]);
  });
});
