import type { AmqpConnectionManager } from 'amqp-connection-manager';

/**
 * amqp-connection-manager opens confirm channels unless told otherwise, and Nest's RMQ client and
 * server do not tell it: every RPC request and every reply then cost the broker a confirm and the
 * sender its bookkeeping. RPC messages are not persistent (rpc-transport.ts) and the reply is the
 * request's confirmation: a request lost with the broker ends in the caller's deadline (503), as
 * one whose reply was lost always did. Events keep their confirms (libs/bus, DESIGN.md section 2).
 */
export function withoutPublisherConfirms<T extends AmqpConnectionManager>(manager: T): T {
  const createChannel = manager.createChannel.bind(manager);
  manager.createChannel = (options = {}) => createChannel({ ...options, confirm: false });
  return manager;
}
