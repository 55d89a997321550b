import { ShortLivedCache } from './short-lived-cache';

/** A load that answers when told to, so a drop can happen while it is on its way. */
function deferred<V>() {
  let answer!: (value: V) => void;
  const promise = new Promise<V>((resolve) => (answer = resolve));
  return { promise, answer };
}

describe('ShortLivedCache', () => {
  let clock = 0;
  const now = () => clock;
  beforeEach(() => (clock = 1_000));

  it('answers from the cache until the time to live has passed, then loads again', async () => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const load = jest.fn().mockResolvedValueOnce('first').mockResolvedValueOnce('second');
    expect(await cache.get('a', load)).toBe('first');
    clock += 99;
    expect(await cache.get('a', load)).toBe('first');
    clock += 1;
    expect(await cache.get('a', load)).toBe('second');
    expect(load).toHaveBeenCalledTimes(2);
  });

  it.each([
    ['delete', (cache: ShortLivedCache<string>) => cache.delete('b')],
    ['deleteWhere', (cache: ShortLivedCache<string>) => cache.deleteWhere(() => false)],
    ['clear', (cache: ShortLivedCache<string>) => cache.clear()],
  ])('does not keep an answer that was on its way while a drop (%s) happened', async (_name, drop) => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const late = deferred<string>();
    const pending = cache.get('a', () => late.promise);
    drop(cache);
    late.answer('stale');
    expect(await pending).toBe('stale');
    expect(await cache.get('a', async () => 'fresh')).toBe('fresh');
  });

  it('gives requests that miss while a load is on its way that load, not one each', async () => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const answer = deferred<string>();
    const load = jest.fn(() => answer.promise);
    const waiting = [cache.get('a', load), cache.get('a', load), cache.get('a', load)];
    answer.answer('one');
    expect(await Promise.all(waiting)).toEqual(['one', 'one', 'one']);
    expect(await cache.get('a', load)).toBe('one');
    expect(load).toHaveBeenCalledTimes(1);
  });

  it('lets a request that misses after a drop start its own load rather than wait for the older one', async () => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const older = deferred<string>();
    const before = cache.get('a', () => older.promise);
    cache.delete('a');
    const after = cache.get('a', async () => 'fresh');
    older.answer('stale');
    expect(await before).toBe('stale');
    expect(await after).toBe('fresh');
    expect(await cache.get('a', async () => 'again')).toBe('fresh');
  });

  it('fails every request that waited on a failed load, keeps nothing, and loads again on the next', async () => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const failing = jest.fn(async () => {
      throw new Error('identity did not answer');
    });
    const waiting = [cache.get('a', failing), cache.get('a', failing)];
    await expect(Promise.all(waiting)).rejects.toThrow('identity did not answer');
    await expect(waiting[1]).rejects.toThrow('identity did not answer');
    expect(failing).toHaveBeenCalledTimes(1);
    const throwing = () => {
      throw new Error('thrown at once');
    };
    await expect(cache.get('b', throwing)).rejects.toThrow('thrown at once');
    expect(await cache.get('a', async () => 'back')).toBe('back');
  });

  it('keeps an answer offered with the mark taken before it was asked for, unless a drop came in between', async () => {
    const cache = new ShortLivedCache<string>(100, 10, now);
    const load = jest.fn(async () => 'loaded');
    const since = cache.mark();
    cache.offer('a', 'offered', since);
    expect(await cache.get('a', load)).toBe('offered');
    const before = cache.mark();
    cache.delete('other');
    cache.offer('b', 'stale', before);
    expect(await cache.get('b', load)).toBe('loaded');
    clock += 100;
    expect(await cache.get('a', load)).toBe('loaded');
  });

  it('drops what the predicate picks and keeps the rest', async () => {
    const cache = new ShortLivedCache<{ userId: string }>(100, 10, now);
    await cache.get('s1', async () => ({ userId: 'u1' }));
    await cache.get('s2', async () => ({ userId: 'u2' }));
    cache.deleteWhere((_key, value) => value.userId === 'u1');
    const load = jest.fn(async () => ({ userId: 'again' }));
    expect(await cache.get('s2', load)).toEqual({ userId: 'u2' });
    expect(await cache.get('s1', load)).toEqual({ userId: 'again' });
  });

  it('never holds more than maxEntries', async () => {
    const cache = new ShortLivedCache<number>(100, 3, now);
    for (let i = 0; i < 10; i++) {
      await cache.get(`k${i}`, async () => i);
      expect(cache.size).toBeLessThanOrEqual(3);
    }
  });
});
