/** The services that answer request/reply on `<service>.rpc` (DESIGN.md section 2). */
export type RpcService = 'identity' | 'tickets' | 'portal';

/**
 * One request/reply pattern: the service that serves it, its `<service>.<resource>.<verb>` pattern,
 * and (as types only) what it takes and what it answers, so a caller and a handler that import the
 * same entry are checked against each other by the compiler.
 */
export interface RpcContract<TRequest = unknown, TReply = unknown, TService extends RpcService = RpcService> {
  readonly service: TService;
  readonly pattern: string;
  /** Never set: carries the request and reply types. */
  readonly types?: { request: TRequest; reply: TReply };
}

/** The payload type of an entry of an RPC table. */
export type RpcRequestOf<C> = C extends RpcContract<infer TRequest, unknown> ? TRequest : never;

/** The reply type of an entry of an RPC table. */
export type RpcReplyOf<C> = C extends RpcContract<unknown, infer TReply> ? TReply : never;

/** Entries of one service's table: `rpc<Request, Reply>('identity.users.create')`. */
export const rpcOf =
  <TService extends RpcService>(service: TService) =>
  <TRequest, TReply>(pattern: `${TService}.${string}`): RpcContract<TRequest, TReply, TService> => ({ service, pattern });

/** Just the pattern strings of some entries, keyed as in the table (for the deprecated pattern maps). */
export const patternsOf = <TTable extends Record<string, { readonly pattern: string }>, TKey extends keyof TTable & string>(
  table: TTable,
  keys: readonly TKey[],
): { readonly [K in TKey]: string } => Object.fromEntries(keys.map((key) => [key, table[key].pattern])) as { readonly [K in TKey]: string };

/** The queue each service serves its RPC on. */
export const rpcQueueOf = (service: RpcService): string => `${service}.rpc`;
