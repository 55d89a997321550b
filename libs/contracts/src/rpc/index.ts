export * from './rpc-patterns';
export * from './rpc-request';
export * from './identity-rpc';
