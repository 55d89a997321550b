/** Requests tried per route (method + path template) and per status class. */
export class Tally {
  private readonly counts = new Map<string, Map<string, number>>();

  constructor(routeKeys: string[]) {
    for (const key of routeKeys) this.counts.set(key, new Map());
  }

  static classOf(status: number): string {
    if (status === 0) return 'no answer';
    if (status < 0) return 'not sent';
    return `${Math.floor(status / 100)}xx`;
  }

  add(routeKey: string, status: number): void {
    const classes = this.counts.get(routeKey) ?? new Map<string, number>();
    const name = Tally.classOf(status);
    classes.set(name, (classes.get(name) ?? 0) + 1);
    this.counts.set(routeKey, classes);
  }

  countOf(routeKey: string): number {
    return [...(this.counts.get(routeKey)?.values() ?? [])].reduce((sum, n) => sum + n, 0);
  }

  /** Routes tried fewer than `minimum` times. */
  under(minimum: number): string[] {
    return [...this.counts.keys()].filter((key) => this.countOf(key) < minimum).map((key) => `${key}: ${this.countOf(key)}`);
  }

  get total(): number {
    return [...this.counts.keys()].reduce((sum, key) => sum + this.countOf(key), 0);
  }

  /** A table: one line per route, then the totals per class. */
  format(): string {
    const classes = ['2xx', '3xx', '4xx', '5xx', 'no answer', 'not sent'];
    const width = Math.max(...[...this.counts.keys()].map((key) => key.length));
    const line = (label: string, counts: Map<string, number>, total: number) =>
      `${label.padEnd(width)}  ${String(total).padStart(6)}  ${classes.map((c) => String(counts.get(c) ?? 0).padStart(c.length > 3 ? c.length : 5)).join(' ')}`;
    const totals = new Map<string, number>();
    const rows = [...this.counts.entries()].map(([key, counts]) => {
      for (const [c, n] of counts) totals.set(c, (totals.get(c) ?? 0) + n);
      return line(key, counts, this.countOf(key));
    });
    const header = `${'route'.padEnd(width)}  ${'total'.padStart(6)}  ${classes.map((c) => c.padStart(c.length > 3 ? c.length : 5)).join(' ')}`;
    return [header, ...rows, line('TOTAL', totals, this.total)].join('\n');
  }
}
