export * from './event-envelope';
export * from './event-types';
export * from './identity-events';
