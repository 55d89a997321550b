// The bus's own files, not its index: the index carries the Nest wiring, which jest cannot load.
import { EventEnvelope, EventTypes } from '@app/contracts';
import { ensureDatabase } from '@app/service-kit/database/ensure-database';
import { databaseUrlFor } from '@app/service-kit/settings/settings';
import { startTracing } from '@app/service-kit/tracing/start-tracing';
import { adminQuery, createTestEnvironment, eventually } from '@app/testing';
import { context, createContextKey } from '@opentelemetry/api';
import { DataSource } from 'typeorm';
import { BusLogger } from '../bus-logger';
import { BusConnection } from '../connection/bus-connection';
import { EventConsumer } from '../inbox/event-consumer';
import { CreateInbox1763800000001 } from '../migrations/create-inbox.migration';
import { CreateOutbox1763800000000 } from '../migrations/create-outbox.migration';
import { Outbox } from './outbox';
import { insertOutboxRow, newEnvelope } from './outbox-row';

/** A relay on its own database and vhost, and a consumer that records the role ids of identity.role.changed. */
async function startRelay(outboxPollMs: number) {
  const environment = await createTestEnvironment();
  await ensureDatabase(environment.databaseUrl, environment.databases.identity);
  const dataSource = new DataSource({
    type: 'postgres',
    url: databaseUrlFor(environment.databaseUrl, environment.databases.identity),
    migrations: [CreateOutbox1763800000000, CreateInbox1763800000001],
  });
  await dataSource.initialize();
  await dataSource.runMigrations();
  const logger: BusLogger = { log: () => undefined, warn: () => undefined, error: () => undefined };
  const busOptions = (service: string) => ({ service, amqpUrl: environment.amqpUrl, prefetch: 4, retryDelaysMs: [100], outboxPollMs, queueType: 'classic' as const });
  const connection = new BusConnection(environment.amqpUrl, logger);
  const outbox = new Outbox(dataSource, connection, busOptions('relaying'), logger);
  outbox.onApplicationBootstrap();
  await connection.channel('probe', async () => undefined).waitForConnect();
  const seen: string[] = [];
  const consumers: EventConsumer[] = [];
  const consume = async (service: string, handlers: ConstructorParameters<typeof EventConsumer>[2]['handlers']) => {
    const consumer = new EventConsumer(connection, dataSource, { ...busOptions(service), handlers }, logger);
    await consumer.start();
    consumers.push(consumer);
  };
  await consume('watching', { [EventTypes.RoleChanged]: async (envelope: EventEnvelope<{ roleId: string }>) => void seen.push(envelope.data.roleId) });
  return {
    environment,
    dataSource,
    outbox,
    seen,
    consume,
    delivered: (roleId: string) => eventually(async () => (seen.includes(roleId) ? true : undefined), 20_000),
    async stop() {
      for (const consumer of consumers) await consumer.stop();
      await outbox.onApplicationShutdown();
      await connection.onApplicationShutdown();
      await dataSource.destroy();
      await environment.dispose();
    },
  };
}

/**
 * The relay is woken by every commit that wrote outbox rows, not only by the outbox's own
 * `transaction`: the poll is set to an hour, so an event delivered before the test's timeout was
 * published by a pass that a commit woke (and the relay's counters say so).
 */
describe('outbox: a commit that wrote outbox rows wakes the relay, wherever the transaction was opened', () => {
  let relay: Awaited<ReturnType<typeof startRelay>>;
  let dataSource: DataSource;
  let outbox: Outbox;
  let seen: string[];
  let delivered: (roleId: string) => Promise<unknown>;

  beforeAll(async () => {
    relay = await startRelay(3_600_000);
    ({ dataSource, outbox, seen, delivered } = relay);
  });

  afterAll(async () => {
    await relay?.stop();
  });

  it('publishes an event written in an event consumer\'s inbox transaction (an event caused by an event) once that transaction commits', async () => {
    // The tickets shape: a consumer handles identity.user.enabled and, in its transaction, publishes an event of its own.
    await relay.consume('reacting', {
      [EventTypes.UserEnabled]: async (envelope, manager) => {
        await outbox.publisherIn(manager, envelope.id)(EventTypes.RoleChanged, { roleId: `caused-by-${envelope.data.id}` });
      },
    });
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

  it('runs its pass outside the context of the request whose commit woke it', async () => {
    // The services' commit gate (RefusedCommitGate) refuses, by a value of the active context, the
    // commits of a request past its deadline. Here a request's deadline passes right after its own
    // commit, while the relay that commit woke is still busy: the relay's commit must not be refused.
    const provider = startTracing('relay-test', {});
    const DEADLINE = createContextKey('test.request-deadline');
    const request = { past: false };
    const gate = {
      beforeTransactionCommit: () => {
        if ((context.active().getValue(DEADLINE) as typeof request | undefined)?.past) throw new Error("past the request's deadline");
      },
    };
    dataSource.subscribers.push(gate);
    try {
      const before = outbox.published.commit;
      await context.with(context.active().setValue(DEADLINE, request), async () => {
        await dataSource.transaction((manager) => outbox.add(manager, EventTypes.RoleChanged, { roleId: 'woken-by-a-request' }, null));
        // The relay's pass has begun (the commit woke it) and is a round trip away from its own commit.
        request.past = true;
      });
      // The relay publishes before it commits the mark: a refused pass still delivers, and leaves the row to the poll (an hour here).
      await delivered('woken-by-a-request');
      await eventually(async () => (outbox.published.commit > before ? true : undefined), 5_000);
      expect(await dataSource.query('SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).toEqual([{ n: 0 }]);
    } finally {
      dataSource.subscribers.splice(dataSource.subscribers.indexOf(gate), 1);
      await provider.shutdown();
      context.disable();
    }
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

/**
 * The poll is the relay's safety net for rows no commit of this process announced (another process
 * wrote them, or a wake came while the broker was away). It first asks whether any row waits, so an
 * idle poll is one statement; a row written by another connection is still published by it.
 */
describe('outbox: the poll publishes rows that no commit of its own announced', () => {
  const POLL_MS = 100;
  let relay: Awaited<ReturnType<typeof startRelay>>;

  beforeAll(async () => {
    relay = await startRelay(POLL_MS);
  });

  afterAll(async () => {
    await relay?.stop();
  });

  it('publishes nothing while idle, then a row another connection wrote, counted under the poll', async () => {
    await new Promise((done) => setTimeout(done, POLL_MS * 5));
    expect(relay.outbox.published).toEqual({ commit: 0, poll: 0, start: 0 });

    const database = relay.environment.databases.identity;
    await insertOutboxRow((sql, params) => adminQuery(database, sql, params), newEnvelope('elsewhere', EventTypes.RoleChanged, { roleId: 'written-elsewhere' }, null));

    await relay.delivered('written-elsewhere');
    await eventually(async () => (relay.outbox.published.poll === 1 ? true : undefined), 5_000);
    expect(relay.outbox.published).toEqual({ commit: 0, poll: 1, start: 0 });
    expect(await adminQuery(database, 'SELECT count(*)::int AS n FROM outbox WHERE published_at IS NULL')).toEqual([{ n: 0 }]);
  });
});
