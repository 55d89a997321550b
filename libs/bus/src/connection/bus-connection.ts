import amqp, { AmqpConnectionManager, ChannelWrapper, SetupFunc } from 'amqp-connection-manager';
import { BusLogger } from '../bus-logger';
import { coalesceAmqpWrites } from './coalesced-writes';

/**
 * One broker connection per process, kept alive by amqp-connection-manager: it reconnects after a
 * broker restart and re-runs every channel's setup (exchange, queues, bindings, consumers).
 */
export class BusConnection {
  private readonly manager: AmqpConnectionManager;
  /** Work that needs the connection while stopping (the outbox's last relay pass); run before it closes. */
  private readonly beforeCloseHooks: (() => Promise<void>)[] = [];

  constructor(
    url: string,
    private readonly logger: BusLogger,
  ) {
    coalesceAmqpWrites();
    // noDelay: amqplib leaves Nagle's algorithm on, so the second of two messages written back to back
    // (a relay batch, an ack after a publish) waited for the broker's delayed ACK, about 40 ms.
    this.manager = amqp.connect([url], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1, connectionOptions: { noDelay: true } });
    this.manager.on('connect', () => this.logger.log('connected to the broker'));
    this.manager.on('disconnect', ({ err }) => this.logger.warn(`broker connection lost: ${err?.message ?? 'closed'}`));
  }

  isConnected(): boolean {
    return this.manager.isConnected();
  }

  /** A confirm channel: every publish resolves only when the broker has taken the message. */
  channel(name: string, setup: SetupFunc, publishTimeoutMs = 5000): ChannelWrapper {
    return this.manager.createChannel({ name, confirm: true, json: false, setup, publishTimeout: publishTimeoutMs });
  }

  beforeClose(hook: () => Promise<void>): void {
    this.beforeCloseHooks.push(hook);
  }

  async onApplicationShutdown(): Promise<void> {
    // Nest runs one module's shutdown hooks together; the outbox's flush must come before the close.
    for (const hook of this.beforeCloseHooks) await hook().catch((error: Error) => this.logger.warn(`before closing: ${error.message}`));
    await this.manager.close();
  }
}
