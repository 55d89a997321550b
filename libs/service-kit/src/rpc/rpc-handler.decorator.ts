import { MessagePattern } from '@nestjs/microservices';
import type { RpcContract, RpcReplyOf, RpcRequest } from '@app/contracts';

/** A message handler's signature as an entry of an RPC table fixes it: the request in, the reply out. */
type HandlerOf<TContract extends RpcContract> = (request: RpcRequest, ...rest: never[]) => RpcReplyOf<TContract> | Promise<RpcReplyOf<TContract>>;

/**
 * `@MessagePattern` for an entry of an RPC table (`@RpcHandler(TicketsRpc.ticketsList)`): serves the
 * entry's pattern and lets the compiler check that the handler answers the entry's reply type.
 */
export const RpcHandler =
  <TContract extends RpcContract>(contract: TContract) =>
  <THandler extends HandlerOf<TContract>>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<THandler>): void => {
    MessagePattern(contract.pattern)(target, key, descriptor);
  };
