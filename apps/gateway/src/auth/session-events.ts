import { Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { EventOf, EventTypes } from '@app/contracts';
import { BusConnection, EVENTS_EXCHANGE, exclusiveQueueOptions, startSpanFrom } from '@app/bus';
import { context, SpanKind } from '@opentelemetry/api';
import { ChannelWrapper } from 'amqp-connection-manager';
import type { ConfirmChannel, ConsumeMessage } from 'amqplib';
import { PortalFeatures } from '../access/portal-features';
import { TicketsSubjects } from '../access/tickets-subjects';
import { SessionCache } from './session-cache';

/** The events after which a cached session or compiled subject may no longer be trusted. */
const SESSION_EVENTS = [EventTypes.SessionEnded, EventTypes.UserDisabled, EventTypes.UserLocked, EventTypes.UserPasswordReset, EventTypes.UserPasswordChanged, EventTypes.RoleChanged] as const;

/** Tickets' events after which one user's (or every) cached tickets subject may be stale. */
const TICKETS_EVENTS = [EventTypes.TicketsUserActivated, EventTypes.TicketsUserDeactivated, EventTypes.TicketsUserAccessChanged, EventTypes.TicketsAclChanged] as const;

/** The portal's: a user's portal access (or every holder's of a profile) changed. */
const PORTAL_EVENTS = [EventTypes.PortalAccessChanged] as const;

type CacheEvent = EventOf<(typeof SESSION_EVENTS)[number] | (typeof TICKETS_EVENTS)[number] | (typeof PORTAL_EVENTS)[number]>;

const CACHE_NAMES: Record<string, string> = { tickets: 'tickets subjects', portal: 'portal features' };

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
    private readonly portal: PortalFeatures,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    this.channel = this.connection.channel('gateway.sessions', async (channel: ConfirmChannel) => {
      await channel.assertExchange(EVENTS_EXCHANGE, 'topic', { durable: true });
      const { queue } = await channel.assertQueue('', exclusiveQueueOptions());
      for (const type of [...SESSION_EVENTS, ...TICKETS_EVENTS, ...PORTAL_EVENTS]) await channel.bindQueue(queue, EVENTS_EXCHANGE, type);
      // A new queue (first start or a reconnect) may have missed drops: start over.
      this.tickets.dropAll();
      this.portal.drop(null);
      await channel.consume(queue, (message) => message && this.receive(message), { noAck: true });
    });
    await this.channel.waitForConnect();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.channel?.close();
  }

  private receive(message: ConsumeMessage): void {
    try {
      const event = JSON.parse(message.content.toString('utf8')) as CacheEvent;
      // In the publisher's trace, so the line names the event, its request and its trace.
      const consumed = startSpanFrom(`consume ${event.type}`, SpanKind.CONSUMER, event.traceparent, { requestId: event.correlationId ?? undefined, eventId: event.id });
      context.with(consumed.context, () => {
        this.drop(event);
        this.logger.log(`${event.type}: cached ${CACHE_NAMES[event.type.split('.')[0]] ?? 'sessions'} dropped [${event.correlationId ?? '-'}]`);
      });
      consumed.span.end();
    } catch (error) {
      this.logger.warn(`unreadable session event ignored: ${(error as Error).message}`);
    }
  }

  private drop(event: CacheEvent): void {
    switch (event.type) {
      case EventTypes.TicketsAclChanged:
        return this.tickets.dropAll();
      case EventTypes.TicketsUserActivated:
      case EventTypes.TicketsUserDeactivated:
      case EventTypes.TicketsUserAccessChanged:
        return this.tickets.dropUser(event.data.userId);
      case EventTypes.PortalAccessChanged:
        return this.portal.drop(event.data.userId);
      case EventTypes.RoleChanged:
        return this.sessions.dropAll();
      case EventTypes.SessionEnded:
        return this.sessions.drop(event.data.sessionId);
      default:
        return this.sessions.dropUser(event.data.id);
    }
  }
}
