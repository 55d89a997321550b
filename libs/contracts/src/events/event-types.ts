import type { EventType } from './event-payloads';

/** Routing keys of `suite.events`; the key of a message is its event type. */
export const EventTypes = {
  UserCreated: 'identity.user.created',
  UserUpdated: 'identity.user.updated',
  UserEnabled: 'identity.user.enabled',
  UserDisabled: 'identity.user.disabled',
  UserLocked: 'identity.user.locked',
  UserUnlocked: 'identity.user.unlocked',
  UserPasswordReset: 'identity.user.password_reset',
  /** An administrator set the user's password: identity ended the sessions; gateways drop theirs. */
  UserPasswordChanged: 'identity.user.password_changed',
  /** A session ended by logout: every gateway instance drops it from its cache (not only the one that served the logout). */
  SessionEnded: 'identity.session.ended',
  RoleChanged: 'identity.role.changed',
  BusinessUnitChanged: 'identity.business-unit.changed',
  TicketsUserActivated: 'tickets.user.activated',
  TicketsUserDeactivated: 'tickets.user.deactivated',
  /** A user's tickets subject changed otherwise: roles held, units, enabled. */
  TicketsUserAccessChanged: 'tickets.user.access-changed',
  /** Every tickets subject may have changed: a tickets role definition or the business-unit tree. */
  TicketsAclChanged: 'tickets.acl.changed',
  TicketCreated: 'tickets.ticket.created',
  TicketUpdated: 'tickets.ticket.updated',
  TicketDeleted: 'tickets.ticket.deleted',
  /** A user's portal access (or every holder's of one profile) changed: the gateway drops what it cached. */
  PortalAccessChanged: 'portal.access.changed',
  PortalPaymentRecorded: 'portal.payment.recorded',
  PortalModuleAdded: 'portal.module.added',
  PortalModuleRemoved: 'portal.module.removed',
} as const satisfies Record<string, EventType>;

/** Fails to compile when an event type of EventPayloads has no constant here. */
export const EVERY_EVENT_TYPE_NAMED: [Exclude<EventType, (typeof EventTypes)[keyof typeof EventTypes]>] extends [never] ? true : never = true;
