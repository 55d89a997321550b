// The bus's own files, not its index: the index carries the Nest wiring, which jest cannot load.
import { EventEnvelope, EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { createTestEnvironment, eventually, TestEnvironment } from '@app/testing';
import { DataSource } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusConnection } from '../connection/bus-connection';
import { EventConsumer } from '../inbox/event-consumer';
import { CreateInbox1763800000001 } from '../migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from '../migrations/create-outbox.migration';
import { Outbox } from './outbox';

/**
 * The relay is woken by every commit that wrote outbox rows, not only by the outbox's own
 * `transaction`: the poll is set to an hour, so an event delivered before the test's timeout was
 * published by a pass that a commit woke (and the relay's counters say so).
 */
describe('outbox: a commit that wrote outbox rows wakes the relay, wherever the transaction was opened', () => {
  const HOUR = 3_600_000;
  let environment: TestEnvironment;
  let dataSource: DataSource;
  let connection: BusConnection;
  let outbox: Outbox;
  const consumers: EventConsumer[] = [];
  const logger: BusLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const busOptions = (service: string) => ({ service, amqpUrl: environment.amqpUrl, prefetch: 4, retryDelaysMs: [100], outboxPollMs: HOUR, queueType: 'classic' as const });
  /** Role ids of the identity.role.changed events the watching consumer applied. */
  const seen: string[] = [];
  const delivered = (roleId: string) => eventually(async () => (seen.includes(roleId) ? true : undefined), 20_000);

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
    outbox = new Outbox(dataSource, connection, busOptions('waking'), logger);
    outbox.onApplicationBootstrap();
    await connection.channel('probe', async () => undefined).waitForConnect();
    const watching = new EventConsumer(connection, dataSource, {
      ...busOptions('watching'),
      handlers: { [EventTypes.RoleChanged]: async (envelope: EventEnvelope<{ roleId: string }>) => void seen.push(envelope.data.roleId) },
    }, logger);
    await watching.start();
    consumers.push(watching);
  });

  afterAll(async () => {
    for (const consumer of consumers) await consumer.stop();
    await outbox?.onApplicationShutdown();
    await connection?.onApplicationShutdown();
    await dataSource?.destroy();
    await environment?.dispose();
  });

  it('publishes an event written in an event consumer\'s inbox transaction (an event caused by an event) once that transaction commits', async () => {
    // The tickets shape: a consumer handles identity.user.enabled and, in its transaction, publishes an event of its own.
    const reacting = new EventConsumer(connection, dataSource, {
      ...busOptions('reacting'),
      handlers: {
        [EventTypes.UserEnabled]: async (envelope, manager) => {
          await outbox.publisherIn(manager, envelope.id)(EventTypes.RoleChanged, { roleId: `caused-by-${envelope.data.id}` });
        },
      },
    }, logger);
    await reacting.start();
    consumers.push(reacting);
    // The start pass may still run when the first commit comes and take its row: not the poll either.
    const woken = () => outbox.published.commit + outbox.published.start;
    const before = woken();

    await outbox.transaction(null, (_m, publish) => publish(EventTypes.UserEnabled, { id: 'u-1' }));

    await delivered('caused-by-u-1');
    // The pass counts a batch once its transaction committed, which may be after the consumer got it.
    await eventually(async () => (woken() - before >= 2 ? true : undefined), 5_000).catch(() => undefined);
    expect(outbox.published.poll).toBe(0);
    expect(woken() - before).toBe(2);
  });

  it('publishes an event written in a plain dataSource.transaction, and one written outside any transaction', async () => {
    await dataSource.transaction((manager) => outbox.add(manager, EventTypes.RoleChanged, { roleId: 'plain-transaction' }, null));
    await outbox.add(dataSource.manager, EventTypes.RoleChanged, { roleId: 'autocommit' }, null);

    await delivered('plain-transaction');
    await delivered('autocommit');
    expect(outbox.published.poll).toBe(0);
  });

  it('wakes on the outermost commit of a nested transaction, and publishes nothing that rolled back', async () => {
    await dataSource.transaction(async (manager) => {
      await manager.transaction((inner) => outbox.add(inner, EventTypes.RoleChanged, { roleId: 'nested' }, null));
      await expect(
        manager.transaction(async (inner) => {
          await outbox.add(inner, EventTypes.RoleChanged, { roleId: 'rolled-back-savepoint' }, null);
          throw new Error('the inner change failed');
        }),
      ).rejects.toThrow('the inner change failed');
    });

    await delivered('nested');
    const rows = await dataSource.query(`SELECT envelope->'data'->>'roleId' AS role FROM outbox WHERE envelope->'data'->>'roleId' LIKE '%savepoint%'`);
    expect(rows).toEqual([]);
    expect(seen).not.toContain('rolled-back-savepoint');
    expect(outbox.published.poll).toBe(0);
  });
});
