export * from './events';
export * from './rpc';
export * from './errors';
export * from './dto';
export * from './acl/suite-catalogue';
export * from './acl/tickets-catalogue';
export * from './tickets';
export * from './acl/role-problems';
