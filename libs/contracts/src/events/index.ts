export * from './event-envelope';
export * from './event-payloads';
export * from './event-types';
export * from './identity-events';
export * from './event-subscriptions';
export * from './tickets-events';
export * from './portal-events';
