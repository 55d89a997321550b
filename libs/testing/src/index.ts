export * from './test-environment';
export * from './suite-process';
export * from './gateway-client';
export * from './eventually';
export * from './rpc-caller';
export * from './mail-catcher';
export * from './ldap-server';
