import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventEnvelope, EventTypes, TicketsUserAccessChangedData, UserRefData } from '@app/contracts';
import { BusConnection, EVENTS_EXCHANGE } from '@app/bus';
import { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { TicketsSubjects } from '../access/tickets-subjects';
import { SessionCache } from './session-cache';

/** The events after which a cached session or compiled subject may no longer be trusted. */
const SESSION_EVENTS = [EventTypes.UserDisabled, EventTypes.UserLocked, EventTypes.UserPasswordReset, EventTypes.RoleChanged];

/** Tickets' events after which one user's (or every) cached tickets subject may be stale. */
const TICKETS_USER_EVENTS: string[] = [EventTypes.TicketsUserActivated, EventTypes.TicketsUserDeactivated, EventTypes.TicketsUserAccessChanged];
const TICKETS_EVENTS = [...TICKETS_USER_EVENTS, EventTypes.TicketsAclChanged];

/**
 * Every gateway instance listens on its own exclusive, server-named queue (DESIGN.md section 4), so
 * each drops what it cached. Losing one of these while disconnected costs at most the cache's
 * lifetime: the next lookup asks identity, which has already ended the session.
 */
@Injectable()
export class SessionEvents implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly logger = new Logger('SessionEvents');
  private channel: ChannelWrapper | undefined;

  constructor(
    private readonly connection: BusConnection,
    private readonly sessions: SessionCache,
    private readonly tickets: TicketsSubjects,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.channel = this.connection.channel('gateway.sessions', async (channel: ConfirmChannel) => {
      await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', { exclusive: true, autoDelete: true, durable: false });
      for (const type of [...SESSION_EVENTS, ...TICKETS_EVENTS]) await channel.bindQueue(queue, EVENTS_EXCHANGE, type);
      // A new queue (first start or a reconnect) may have missed drops: start over.
      this.tickets.dropAll();
      await channel.consume(queue, (message) => message && this.receive(message), { noAck: true });
    });
    await this.channel.waitForConnect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.close();
  }

  private receive(message: ConsumeMessage): void {
    try {
      const event = JSON.parse(message.content.toString('utf8')) as EventEnvelope<UserRefData & TicketsUserAccessChangedData>;
      if (event.type === EventTypes.TicketsAclChanged) this.tickets.dropAll();
      else if (TICKETS_USER_EVENTS.includes(event.type)) this.tickets.dropUser(event.data.userId);
      else if (event.type === EventTypes.RoleChanged) this.sessions.dropAll();
      else this.sessions.dropUser(event.data.id);
      this.logger.log(`${event.type}: cached ${event.type.startsWith('tickets.') ? 'tickets subjects' : 'sessions'} dropped [${event.correlationId ?? '-'}]`);
    } catch (error) {
      this.logger.warn(`unreadable session event ignored: ${(error as Error).message}`);
    }
  }
}
