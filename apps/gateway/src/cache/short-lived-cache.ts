/**
 * What the gateway keeps briefly of identity's, tickets' and portal's answers (sessions, tickets
 * subjects, portal features), dropped on their events. An answer that was on its way while a drop
 * happened is used once and not kept, so a drop is never undone by a late answer; at most
 * `maxEntries` are kept (all let go when full: rare, and cheaper than tracking age), so entries of
 * sessions never asked for again do not pile up.
 */
export class ShortLivedCache<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();
  private generation = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxEntries = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  async get(key: string, load: () => Promise<V>): Promise<V> {
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.value;
    const generation = this.generation;
    const value = await load();
    if (generation === this.generation) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: this.now() + this.ttlMs });
    }
    return value;
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
