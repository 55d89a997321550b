import amqp from 'amqplib';

/**
 * A test consumer of its own on the suite's exchange (`suite.events` in the run's vhost): an
 * exclusive queue bound to the given event types, recording when each event reached it.
 */
export class BusWatcher {
  /** Arrival time (performance.now()) of each event, by the key `keyOf` reads from its data. */
  readonly arrivals = new Map<string, number>();
  private readonly waiters = new Map<string, (at: number) => void>();
  private closeConnection: () => Promise<void> = async () => undefined;

  private constructor(private readonly keyOf: (data: any) => string) {}

  static async start(amqpUrl: string, types: string[], keyOf: (data: any) => string): Promise<BusWatcher> {
    const watcher = new BusWatcher(keyOf);
    const connection = await amqp.connect(amqpUrl);
    const channel = await connection.createChannel();
    await channel.assertExchange('suite.events', 'topic', { durable: true });
    const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true });
    for (const type of types) await channel.bindQueue(queue, 'suite.events', type);
    await channel.consume(queue, (message) => message && watcher.record(message.content), { noAck: true });
    watcher.closeConnection = () => connection.close();
    return watcher;
  }

  private record(content: Buffer): void {
    const at = performance.now();
    const key = this.keyOf(JSON.parse(content.toString('utf8')).data);
    if (this.arrivals.has(key)) return;
    this.arrivals.set(key, at);
    this.waiters.get(key)?.(at);
    this.waiters.delete(key);
  }

  /** When the event keyed `key` arrived (at once if it already has), or a rejection after `timeoutMs`. */
  arrivalOf(key: string, timeoutMs = 30_000): Promise<number> {
    const known = this.arrivals.get(key);
    if (known !== undefined) return Promise.resolve(known);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no event for ${key} within ${timeoutMs} ms`)), timeoutMs);
      this.waiters.set(key, (at) => {
        clearTimeout(timer);
        resolve(at);
      });
    });
  }

  /** Closes the connection; one the broker already closed (the vhost deleted) is not an error here. */
  async close(): Promise<void> {
    await this.closeConnection().catch(() => undefined);
  }
}
