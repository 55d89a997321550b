import { EventType, EventTypes } from './event-types';

/**
 * Which service's durable queue receives which events (DESIGN.md section 2, "consumed by"). Every
 * publisher declares these queues and bindings too, so an event published before its consumer ever
 * started waits in the consumer's queue instead of being dropped by the exchange.
 */
export const EVENT_SUBSCRIPTIONS: Record<'tickets' | 'portal', EventType[]> = {
  tickets: [EventTypes.UserCreated, EventTypes.UserUpdated, EventTypes.UserEnabled, EventTypes.UserDisabled, EventTypes.BusinessUnitChanged],
  portal: [EventTypes.UserCreated],
};

export type SubscribingService = keyof typeof EVENT_SUBSCRIPTIONS;
