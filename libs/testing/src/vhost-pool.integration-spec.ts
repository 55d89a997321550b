import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { guestMayUse, VhostPool } from './vhost-pool';

describe('VhostPool (a vhost of its own for every test run, made and dropped in batches)', () => {
  let folder: string;
  let pool: VhostPool;

  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'vhost-pool-'));
    pool = new VhostPool(folder, 4);
  });

  afterEach(async () => {
    for (const marker of readdirSync(folder).filter((name) => name.startsWith('free.'))) pool.giveBack(marker.slice('free.'.length));
    await pool.dropUsed();
    rmSync(folder, { recursive: true, force: true });
  });

  it('gives callers who ask at once distinct vhosts the guest user may use, over several batches', async () => {
    const taken = await Promise.all(Array.from({ length: 10 }, () => pool.take()));
    expect(new Set(taken).size).toBe(10);
    for (const vhost of taken) expect({ vhost, usable: await guestMayUse(vhost) }).toEqual({ vhost, usable: true });
    // Three batches of four: two left free, none used yet.
    expect(readdirSync(folder).filter((name) => name.startsWith('free.'))).toHaveLength(2);
    for (const vhost of taken) pool.giveBack(vhost);
  });

  it('drops the vhosts given back, with the next batch or at the end', async () => {
    const first = await Promise.all(Array.from({ length: 4 }, () => pool.take()));
    pool.giveBack(first[0]);
    pool.giveBack(first[1]);
    // The pool is empty: this batch drops the two given back.
    const next = await pool.take();
    expect(await guestMayUse(first[0])).toBe(false);
    expect(await guestMayUse(first[1])).toBe(false);
    for (const vhost of [first[2], first[3], next]) pool.giveBack(vhost);
    await pool.dropUsed();
    for (const vhost of [first[2], first[3], next]) expect({ vhost, usable: await guestMayUse(vhost) }).toEqual({ vhost, usable: false });
    expect(readdirSync(folder).filter((name) => name.startsWith('used.'))).toEqual([]);
  });

  it('passes over a free marker whose vhost the broker no longer has', async () => {
    const gone = 'e2e_gone_00000';
    writeFileSync(join(folder, `free.${gone}`), '');
    const vhost = await pool.take();
    expect(vhost).not.toBe(gone);
    expect(await guestMayUse(vhost)).toBe(true);
    expect(readdirSync(folder)).not.toContain(`free.${gone}`);
    pool.giveBack(vhost);
  });
});
