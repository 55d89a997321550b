import type { EventType } from './event-payloads';
import { EventTypes } from './event-types';

/**
 * Which service's durable queue receives which events (DESIGN.md section 2, "consumed by"). Every
 * publisher declares these queues and bindings too, so an event published before its consumer ever
 * started waits in the consumer's queue instead of being dropped by the exchange.
 */
export const EVENT_SUBSCRIPTIONS = {
  tickets: [EventTypes.UserCreated, EventTypes.UserUpdated, EventTypes.UserEnabled, EventTypes.UserDisabled, EventTypes.BusinessUnitChanged],
  portal: [EventTypes.UserCreated, EventTypes.UserUpdated, EventTypes.UserEnabled, EventTypes.UserDisabled],
} as const satisfies Record<string, readonly EventType[]>;

export type SubscribingService = keyof typeof EVENT_SUBSCRIPTIONS;

/** The event types a subscribing service handles. */
export type SubscribedEventType<TService extends SubscribingService> = (typeof EVENT_SUBSCRIPTIONS)[TService][number];
