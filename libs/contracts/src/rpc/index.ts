export * from './rpc-contract';
export * from './rpc-request';
export * from './page';
export * from './identity/identity-views';
export * from './identity/identity.rpc';
export * from './tickets/tickets-views';
export * from './tickets/tickets.rpc';
export * from './portal/portal.rpc';
