/**
 * What the gateway keeps briefly of identity's, tickets' and portal's answers (sessions, tickets
 * subjects, portal features), dropped on their events. An answer that was on its way while a drop
 * happened is used by the requests that asked before the drop and not kept, so a drop is never undone
 * by a late answer; at most `maxEntries` are kept (all let go when full: rare, and cheaper than
 * tracking age), so entries of sessions never asked for again do not pile up.
 *
 * Requests that miss the same key while its answer is on its way wait for that one load instead of
 * starting their own: when an entry expired under load, every request of the session in flight asked
 * identity (and tickets) again at the same moment, and that burst of RPCs stalled them all.
 */
export class ShortLivedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  /** The load on its way per key, with the generation it started in: a drop makes it unjoinable. */
  private readonly loading = new Map<string, { answer: Promise<V>; generation: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return Promise.resolve(cached.value);
    const pending = this.loading.get(key);
    if (pending && pending.generation === this.generation) return pending.answer;
    return this.start(key, load);
  }

  private start(key: string, load: () => Promise<V>): Promise<V> {
    const generation = this.generation;
    // A load that throws at once fails its callers as one that rejects does.
    const answer: Promise<V> = Promise.resolve().then(load).then(
      (value) => {
        this.settle(key, answer);
        this.offer(key, value, generation);
        return value;
      },
      (error: unknown) => {
        this.settle(key, answer);
        throw error;
      },
    );
    this.loading.set(key, { answer, generation });
    return answer;
  }

  /** Forgets the load once answered, unless a newer one for the key took its place. */
  private settle(key: string, answer: Promise<V>): void {
    if (this.loading.get(key)?.answer === answer) this.loading.delete(key);
  }

  /** Where the drops stand now: an answer asked for after this may be offered with it (offer). */
  mark(): number {
    return this.generation;
  }

  /**
   * Keeps an answer that came another way than `get` (a login's session), asked for when `mark()`
   * said `since`: not kept if a drop happened in between, as for a load.
   */
  offer(key: string, value: V, since: number): void {
    if (since !== this.generation) return;
    if (this.entries.size >= this.maxEntries) this.entries.clear();
    this.entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.generation++;
    this.entries.delete(key);
  }

  /** Lets go of every entry the predicate picks. */
  deleteWhere(picked: (key: string, value: V) => boolean): void {
    this.generation++;
    for (const [key, entry] of this.entries) if (picked(key, entry.value)) this.entries.delete(key);
  }

  clear(): void {
    this.generation++;
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}
