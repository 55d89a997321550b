export const RPC_CLIENTS = { identity: 'IDENTITY_RPC', tickets: 'TICKETS_RPC', portal: 'PORTAL_RPC' } as const;

export type RpcService = keyof typeof RPC_CLIENTS;
