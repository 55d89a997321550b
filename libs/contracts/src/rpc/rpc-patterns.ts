/** Request/reply patterns, `<service>.<resource>.<verb>` (DESIGN.md section 2). */
export const RpcPatterns = {
  identity: {
    authLogin: 'identity.auth.login',
    sessionsGet: 'identity.sessions.get',
    sessionsEnd: 'identity.sessions.end',
    usersCreate: 'identity.users.create',
  },
  tickets: {
    userSecurityList: 'tickets.user-security.list',
  },
  portal: {
    homeGet: 'portal.home.get',
    accessGet: 'portal.access.get',
  },
} as const;

/** The queue each service serves its RPC on. */
export const rpcQueueOf = (service: 'identity' | 'tickets' | 'portal'): string => `${service}.rpc`;
