import type { EventEnvelope } from './event-envelope';
import type {
  BusinessUnitChangedData,
  RoleChangedData,
  SessionEndedData,
  UserCreatedData,
  UserRefData,
  UserUnlockedData,
  UserUpdatedData,
} from './identity-events';
import type { PortalAccessChangedData, PortalModuleChangedData, PortalPaymentRecordedData } from './portal-events';
import type { TicketChangedData, TicketsAclChangedData, TicketsUserAccessChangedData, TicketsUserStatusData } from './tickets-events';

/**
 * Every event on `suite.events` and the payload it carries (DESIGN.md section 2): `publish` and every
 * handler are typed by this table, so a payload that does not fit its event type does not compile.
 */
export interface EventPayloads {
  'identity.user.created': UserCreatedData;
  'identity.user.updated': UserUpdatedData;
  'identity.user.enabled': UserRefData;
  'identity.user.disabled': UserRefData;
  'identity.user.locked': UserRefData;
  'identity.user.unlocked': UserUnlockedData;
  'identity.user.password_reset': UserRefData;
  'identity.user.password_changed': UserRefData;
  'identity.session.ended': SessionEndedData;
  'identity.role.changed': RoleChangedData;
  'identity.business-unit.changed': BusinessUnitChangedData;
  'tickets.user.activated': TicketsUserStatusData;
  'tickets.user.deactivated': TicketsUserStatusData;
  'tickets.user.access-changed': TicketsUserAccessChangedData;
  'tickets.acl.changed': TicketsAclChangedData;
  'tickets.ticket.created': TicketChangedData;
  'tickets.ticket.updated': TicketChangedData;
  'tickets.ticket.deleted': TicketChangedData;
  'portal.access.changed': PortalAccessChangedData;
  'portal.payment.recorded': PortalPaymentRecordedData;
  'portal.module.added': PortalModuleChangedData;
  'portal.module.removed': PortalModuleChangedData;
}

/** The routing key of a message on `suite.events`; the key of a message is its event type. */
export type EventType = keyof EventPayloads;

/** The envelope of one event type (or, given a union, the union of their envelopes). */
export type EventOf<TType extends EventType> = TType extends EventType ? EventEnvelope<EventPayloads[TType], TType> : never;

/** Any event of the table, discriminated by `type`. */
export type AnyEvent = EventOf<EventType>;

