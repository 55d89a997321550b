import { adminQuery } from '@app/testing';
import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { DataSource } from 'typeorm';
import { ensureDatabase } from './ensure-database';
import { preparedQuery } from './prepared-query';
import { databaseUrlFor } from '../settings/settings';
import { refusalFor, withRefusalOf } from '../rpc/refused-requests';
import { RefusedCommitGate } from './refused-commit-gate';

// A request past its commitBy (or refused by the drain) was answered 503, so its caller may try again:
// none of its writes may land, whether in a transaction or a single statement that commits as it runs.
describe('the commit gate on the real PostgreSQL', () => {
  const serverUrl = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432';
  const database = `gate_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`;
  const manager = new AsyncLocalStorageContextManager();
  let dataSource: DataSource;

  beforeAll(async () => {
    context.setGlobalContextManager(manager.enable());
    await ensureDatabase(serverUrl, database);
    dataSource = await new DataSource({ type: 'postgres', url: databaseUrlFor(serverUrl, database) }).initialize();
    dataSource.subscribers.push(new RefusedCommitGate());
    await dataSource.query('CREATE TABLE counters (id int PRIMARY KEY, n int NOT NULL)');
  });
  beforeEach(() => dataSource.query('TRUNCATE counters; INSERT INTO counters VALUES (1, 0)'));
  afterAll(async () => {
    await dataSource?.destroy();
    await adminQuery('postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    manager.disable();
    context.disable();
  });

  const count = async () => (await dataSource.query('SELECT n FROM counters WHERE id = 1'))[0].n as number;
  /** Runs `work` as the handler of a request whose commitBy has passed (or, with `refused`, that the drain refused). */
  const asLateRequest = <T>(work: () => Promise<T>, refused = false): Promise<T> => {
    const request = {};
    const refusal = refusalFor(request, refused ? undefined : Date.now() - 1);
    if (refused) refusal.refuse();
    return context.with(withRefusalOf(request, ROOT_CONTEXT), work);
  };
  const INCREMENT = { name: 'gate_test_increment', text: 'UPDATE counters SET n = n + 1 WHERE id = 1' };
  const writes: [string, () => Promise<unknown>][] = [
    ['a raw statement', () => dataSource.query('UPDATE counters SET n = n + 1 WHERE id = 1')],
    ['a repository update', () => dataSource.createQueryBuilder().update('counters').set({ n: () => 'n + 1' }).where('id = 1').execute()],
    ['a data-modifying WITH', () => dataSource.query('WITH bumped AS (UPDATE counters SET n = n + 1 RETURNING n) SELECT n FROM bumped')],
    ['a prepared statement on the pool', () => preparedQuery(dataSource.manager, INCREMENT, [])],
    ['a transaction', () => dataSource.transaction((tx) => tx.query('UPDATE counters SET n = n + 1 WHERE id = 1'))],
    ['a prepared statement in a transaction', () => dataSource.transaction((tx) => preparedQuery(tx, INCREMENT, []))],
  ];

  it.each(writes)('stops %s of a request past its commitBy with a 503, and nothing lands', async (_, write) => {
    await expect(asLateRequest(write)).rejects.toMatchObject({ body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE' } });
    expect(await count()).toBe(0);
  });

  it.each(writes)('stops %s of a request the drain refused', async (_, write) => {
    await expect(asLateRequest(write, true)).rejects.toMatchObject({ body: { statusCode: 503 } });
    expect(await count()).toBe(0);
  });

  it.each(writes)('lets %s of a request in time, and of work outside any request, land', async (_, write) => {
    const request = {};
    refusalFor(request, Date.now() + 60_000);
    await context.with(withRefusalOf(request, ROOT_CONTEXT), write);
    await write();
    expect(await count()).toBe(2);
  });

  it('lets a late request read: only writes are stopped', async () => {
    await expect(asLateRequest(() => dataSource.query('SELECT n FROM counters WHERE id = 1'))).resolves.toEqual([{ n: 0 }]);
    await expect(asLateRequest(() => dataSource.query('WITH c AS (SELECT n FROM counters) SELECT n FROM c'))).resolves.toEqual([{ n: 0 }]);
    await expect(asLateRequest(() => preparedQuery(dataSource.manager, { name: 'gate_test_read', text: 'SELECT n FROM counters' }, []))).resolves.toEqual([{ n: 0 }]);
  });

  describe('a write admitted in time that waits on a row lock past its commitBy', () => {
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
    /** Takes the counter's row lock in a transaction of another connection, as a slow writer would; `released` after `ms`. */
    const holdRowLock = async (ms: number) => {
      const holder = dataSource.createQueryRunner();
      await holder.connect();
      await holder.startTransaction();
      await holder.query('SELECT n FROM counters WHERE id = 1 FOR UPDATE');
      const released = (async () => {
        await sleep(ms);
        await holder.commitTransaction();
        await holder.release();
      })();
      return { released };
    };
    const singleWrites = writes.filter(([name]) => !name.includes('transaction'));

    it.each(singleWrites)('cancels %s at commitBy: the handler fails as past the deadline, and nothing lands', async (_, write) => {
      const { released } = await holdRowLock(600);
      const request = {};
      const refusal = refusalFor(request, Date.now() + 150);
      const started = Date.now();
      await expect(context.with(withRefusalOf(request, ROOT_CONTEXT), write)).rejects.toMatchObject({ message: expect.stringMatching(/canceling statement/) });
      expect(Date.now() - started).toBeLessThan(550);
      expect(refusal.cancelledLate).toBe(true);
      await released;
      expect(await count()).toBe(0);
      // The pool's connections go on working, the cancelled one too.
      await Promise.all(Array.from({ length: 12 }, () => write()));
      expect(await count()).toBe(12);
    });

    it.each(singleWrites)('lets %s that got its lock before commitBy land, and cancels nothing after it', async (_, write) => {
      const { released } = await holdRowLock(50);
      const request = {};
      const refusal = refusalFor(request, Date.now() + 300);
      await context.with(withRefusalOf(request, ROOT_CONTEXT), write);
      await released;
      // Statements running on the pool when commitBy passes belong to no late request: none is cancelled.
      await Promise.all(Array.from({ length: 12 }, () => dataSource.query('SELECT pg_sleep(0.4)')));
      expect(refusal.cancelledLate).toBe(false);
      expect(await count()).toBe(1);
    });

    it('keeps the watch of a write queued behind a read on the same runner: the read ending does not end it', async () => {
      const { released } = await holdRowLock(600);
      const runner = dataSource.createQueryRunner();
      const request = {};
      const refusal = refusalFor(request, Date.now() + 150);
      try {
        const [read, write] = await context.with(withRefusalOf(request, ROOT_CONTEXT), async () => [
          runner.query('SELECT n FROM counters WHERE id = 1'),
          runner.query('UPDATE counters SET n = n + 1 WHERE id = 1'),
        ]);
        await expect(read).resolves.toEqual([{ n: 0 }]);
        await expect(write).rejects.toMatchObject({ message: expect.stringMatching(/canceling statement/) });
        expect(refusal.cancelledLate).toBe(true);
      } finally {
        await runner.release();
      }
      await released;
      expect(await count()).toBe(0);
    });
  });
});
