export * from './optional-not-null';
export * from './ticket.dto';
export * from './list-tickets.dto';
export * from './ticket-comment.dto';
export * from './tickets-admin.dto';
export * from './service-request.dto';
export * from './tickets-access.dto';
export * from './list-user-security.dto';
