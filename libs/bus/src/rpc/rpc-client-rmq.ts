import { ClientRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { EmptyError, TimeoutError } from 'rxjs';
import { coalesceAmqpWrites } from '../connection/coalesced-writes';
import { withoutPublisherConfirms } from './without-publisher-confirms';

/** A reply as Nest's RMQ client hands it to a request's callback. */
interface ReplyPacket {
  err?: unknown;
  response?: unknown;
  isDisposed?: boolean;
}

/** Nest's RMQ client on channels without publisher confirms (see without-publisher-confirms.ts), its writes coalesced (coalesced-writes.ts). */
export class RpcClientRmq extends ClientRMQ {
  override createClient(): AmqpConnectionManager {
    coalesceAmqpWrites();
    return withoutPublisherConfirms(super.createClient() as AmqpConnectionManager) as never;
  }

  /**
   * One request and its first reply, as `firstValueFrom(send(pattern, data).pipe(timeout(ms)))` gave
   * them: the reply, the service's error, rxjs' TimeoutError when nothing came within `timeoutMs`
   * (connecting included), EmptyError for a reply without a value. Without the observables and
   * subscriptions send() builds on every call, which were a tenth of the gateway's CPU on a read
   * (docs/BENCHMARKS.md, "Read, fourth round").
   */
  request<T>(pattern: string, data: unknown, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      let settled = false;
      let cleanup: (() => void) | undefined;
      const settle = (outcome: () => void) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        cleanup?.();
        outcome();
      };
      const timer = setTimeout(() => settle(() => reject(new TimeoutError())), timeoutMs);
      this.connect().then(
        () => {
          if (settled) return;
          cleanup = this.publish(this.createPacket(pattern, data), ({ err, response, isDisposed }: ReplyPacket) => {
            if (err) settle(() => reject(this.serializeError(err)));
            else if (response !== undefined || !isDisposed) settle(() => resolve(this.serializeResponse(response) as T));
            else settle(() => reject(new EmptyError()));
          });
          // The callback may have run already (a publish that threw): then nothing else removes the listener.
          if (settled) cleanup();
        },
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }
}
