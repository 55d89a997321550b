import { Histogram } from 'prom-client';
import { DURATION_BUCKETS } from './duration-buckets';

/**
 * How an RPC ended. ok: a reply; rejected: the service answered with an error of the caller's
 * (4xx); failed: an error of the service's own (5xx, the database away); timeout and unavailable
 * (gateway only): no answer within the deadline, or the broker could not take the request.
 */
export type RpcOutcome = 'ok' | 'rejected' | 'failed' | 'timeout' | 'unavailable';

export const rpcClientDuration = new Histogram({
  name: 'rpc_client_duration_seconds',
  help: 'RPC calls the gateway made, from send to reply, by service, pattern and outcome.',
  labelNames: ['service', 'pattern', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
});

export const rpcServerDuration = new Histogram({
  name: 'rpc_server_duration_seconds',
  help: 'RPC requests a service handled, by pattern and outcome, from the handler call to its reply.',
  labelNames: ['pattern', 'outcome'] as const,
  buckets: DURATION_BUCKETS,
});

/** The outcome an error reply stands for, by its status: below 500 the caller's fault, else the service's. */
export const outcomeOfStatus = (statusCode: unknown): RpcOutcome => (typeof statusCode === 'number' && statusCode < 500 ? 'rejected' : 'failed');
