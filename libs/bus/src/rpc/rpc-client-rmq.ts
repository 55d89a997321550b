import { ClientRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { withoutPublisherConfirms } from './without-publisher-confirms';

/** Nest's RMQ client on channels without publisher confirms (see without-publisher-confirms.ts). */
export class RpcClientRmq extends ClientRMQ {
  override createClient(): AmqpConnectionManager {
    return withoutPublisherConfirms(super.createClient() as AmqpConnectionManager) as never;
  }
}
