import amqp, { AmqpConnectionManager, ChannelWrapper, SetupFunc } from 'amqp-connection-manager';
import { BusLogger } from '../bus-logger';

/**
 * One broker connection per process, kept alive by amqp-connection-manager: it reconnects after a
 * broker restart and re-runs every channel's setup (exchange, queues, bindings, consumers).
 */
export class BusConnection {
  private readonly manager: AmqpConnectionManager;

  constructor(
    url: string,
    private readonly logger: BusLogger,
  ) {
    this.manager = amqp.connect([url], { heartbeatIntervalInSeconds: 5, reconnectTimeInSeconds: 1 });
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

  async onApplicationShutdown(): Promise<void> {
    await this.manager.close();
  }
}
