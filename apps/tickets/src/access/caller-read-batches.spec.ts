import fc from 'fast-check';
import type { PreparedStatement } from '@app/service-kit/database';
import { BATCH_POSITION, BatchableRead, CallerReadBatches } from './caller-read-batches';

const READ: BatchableRead = { statement: { name: 'one', text: 'one' }, batch: { name: 'many', text: 'many' } };
const uuid = (n: number) => `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

/**
 * PostgreSQL as the two statements answer: a row for each caller that exists, the value joined when
 * it names a row; the batch's rows in any order, each with its position.
 */
function database(users: Set<string>, values: Set<string>, shuffle: (rows: Record<string, unknown>[]) => Record<string, unknown>[] = (rows) => rows) {
  const calls: { statement: string; size: number }[] = [];
  const rowOf = (userId: string, value: string) => (users.has(userId) ? { user: userId, joined: values.has(value) ? value : null } : undefined);
  const run = async (statement: PreparedStatement, params: unknown[]) => {
    await Promise.resolve();
    if (statement === READ.statement) {
      calls.push({ statement: 'one', size: 1 });
      const row = rowOf(params[0] as string, params[1] as string);
      return row ? [row] : [];
    }
    const [userIds, joined] = params as [string[], string[]];
    calls.push({ statement: 'many', size: userIds.length });
    const rows = userIds.flatMap((userId, index) => {
      const row = rowOf(userId, joined[index]);
      return row ? [{ [BATCH_POSITION]: String(index + 1), ...row }] : [];
    });
    return shuffle(rows);
  };
  return { run, calls, rowOf };
}

describe('CallerReadBatches', () => {
  it('gives each read of a turn exactly the row its own statement would, in one statement', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.tuple(fc.nat(5), fc.nat(5)), { minLength: 2, maxLength: 40 }),
        fc.uniqueArray(fc.nat(5)),
        fc.uniqueArray(fc.nat(5)),
        fc.integer(),
        async (reads, existingUsers, existingValues, seed) => {
          const shuffle = (rows: Record<string, unknown>[]) => rows.map((row, i) => ({ row, key: (i * 7919 + seed) % 101 })).sort((a, b) => a.key - b.key).map(({ row }) => row);
          const db = database(new Set(existingUsers.map(uuid)), new Set(existingValues.map(uuid)), shuffle);
          const batches = new CallerReadBatches(db.run);
          const answers = await Promise.all(reads.map(([user, value]) => batches.read(READ, uuid(user), uuid(value))));
          expect(answers).toEqual(reads.map(([user, value]) => db.rowOf(uuid(user), uuid(value))));
          expect(db.calls).toEqual([{ statement: 'many', size: reads.length }]);
        },
      ),
    );
  });

  it('runs a lone read with the one-caller statement', async () => {
    const db = database(new Set([uuid(1)]), new Set([uuid(2)]));
    expect(await new CallerReadBatches(db.run).read(READ, uuid(1), uuid(2))).toEqual({ user: uuid(1), joined: uuid(2) });
    expect(db.calls).toEqual([{ statement: 'one', size: 1 }]);
  });

  it('starts a new batch in the next turn and after 256 waiting reads', async () => {
    const db = database(new Set([uuid(1)]), new Set());
    const batches = new CallerReadBatches(db.run);
    await Promise.all(Array.from({ length: 300 }, () => batches.read(READ, uuid(1), uuid(2))));
    await Promise.all([batches.read(READ, uuid(1), uuid(2)), batches.read(READ, uuid(1), uuid(3))]);
    expect(db.calls).toEqual([{ statement: 'many', size: 256 }, { statement: 'many', size: 44 }, { statement: 'many', size: 2 }]);
  });

  it('reads a value that is not a UUID alone, so that it cannot fail the batch', async () => {
    const db = database(new Set([uuid(1)]), new Set([uuid(2)]));
    const batches = new CallerReadBatches(db.run);
    const answers = await Promise.all([batches.read(READ, uuid(1), 'not-a-uuid'), batches.read(READ, uuid(1), uuid(2)), batches.read(READ, 'x', uuid(2)), batches.read(READ, uuid(1), uuid(2))]);
    expect(answers).toEqual([{ user: uuid(1), joined: null }, { user: uuid(1), joined: uuid(2) }, undefined, { user: uuid(1), joined: uuid(2) }]);
    expect(db.calls).toEqual([{ statement: 'one', size: 1 }, { statement: 'one', size: 1 }, { statement: 'many', size: 2 }]);
  });

  it('fails every read of a batch whose statement failed, and the next batch runs', async () => {
    let fail = true;
    const batches = new CallerReadBatches(async () => {
      if (fail) throw new Error('connection terminated');
      return [{ [BATCH_POSITION]: '2', user: uuid(1) }];
    });
    const failed = await Promise.allSettled([batches.read(READ, uuid(1), uuid(2)), batches.read(READ, uuid(1), uuid(3))]);
    expect(failed.map((result) => result.status === 'rejected' && (result.reason as Error).message)).toEqual(['connection terminated', 'connection terminated']);
    fail = false;
    expect(await Promise.all([batches.read(READ, uuid(1), uuid(2)), batches.read(READ, uuid(1), uuid(3))])).toEqual([undefined, { user: uuid(1) }]);
  });
});
