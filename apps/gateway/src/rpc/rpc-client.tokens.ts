import type { RpcService } from '@app/contracts';

/** Nest injection tokens of the three AMQP client proxies RpcClient sends through. */
export const RPC_CLIENTS: Record<RpcService, string> = { identity: 'IDENTITY_RPC', tickets: 'TICKETS_RPC', portal: 'PORTAL_RPC' };
