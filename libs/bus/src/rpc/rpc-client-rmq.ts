import { ClientRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { coalesceAmqpWrites } from '../connection/coalesced-writes';
import { withoutPublisherConfirms } from './without-publisher-confirms';

/** Nest's RMQ client on channels without publisher confirms (see without-publisher-confirms.ts), its writes coalesced (coalesced-writes.ts). */
export class RpcClientRmq extends ClientRMQ {
  override createClient(): AmqpConnectionManager {
    coalesceAmqpWrites();
    return withoutPublisherConfirms(super.createClient() as AmqpConnectionManager) as never;
  }
}
