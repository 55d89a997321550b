export * from './rpc-patterns';
export * from './rpc-request';
export * from './identity-rpc';
export * from './identity-credentials.patterns';
export * from './identity-directory.patterns';
export * from './tickets.patterns';
