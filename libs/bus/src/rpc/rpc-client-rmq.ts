import { ClientRMQ } from '@nestjs/microservices';
import type { AmqpConnectionManager } from 'amqp-connection-manager';
import { randomUUID } from 'node:crypto';
import { EmptyError, TimeoutError } from 'rxjs';
import { coalesceAmqpWrites } from '../connection/coalesced-writes';
import { rpcRequestsPerMessage } from '../metrics/bus-metrics';
import { RPC_BATCH_MAX, RPC_BATCH_TYPE, RpcBatch, RpcBatchReply, RpcReplyPacket } from './rpc-batch';
import { withoutPublisherConfirms } from './without-publisher-confirms';

type Callback = (reply: Omit<RpcReplyPacket, 'id'>) => void;

/** A request waiting for the end of the turn: its packet, its callback, and how to forget it once settled. */
interface Queued {
  packet: { pattern: string; data: unknown };
  callback: Callback;
  settled: boolean;
  forget?: () => void;
}

/**
 * Nest's RMQ client on channels without publisher confirms (see without-publisher-confirms.ts), its
 * writes coalesced (coalesced-writes.ts), and its requests of one turn of the event loop sent as one
 * message (rpc-batch.ts).
 */
export class RpcClientRmq extends ClientRMQ {
  private queued: Queued[] = [];

  override createClient(): AmqpConnectionManager {
    coalesceAmqpWrites();
    return withoutPublisherConfirms(super.createClient() as AmqpConnectionManager) as never;
  }

  /**
   * One request and its first reply, as `firstValueFrom(send(pattern, data).pipe(timeout(ms)))` gave
   * them: the reply, the service's error, rxjs' TimeoutError when nothing came within `timeoutMs`
   * (connecting included), EmptyError for a reply without a value. Without the observables and
   * subscriptions send() builds on every call, which were a tenth of the gateway's CPU on a read
   * (docs/BENCHMARKS.md, "Read, fourth round"). The requests made in one turn of the event loop go at
   * its end, together when there are several.
   */
  request<T>(pattern: string, data: unknown, timeoutMs: number): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const settle = (outcome: () => void) => {
        if (queued.settled) return;
        queued.settled = true;
        clearTimeout(timer);
        queued.forget?.();
        outcome();
      };
      const queued: Queued = {
        packet: { pattern, data },
        settled: false,
        callback: ({ err, response, isDisposed }) => {
          if (err) settle(() => reject(this.serializeError(err)));
          else if (response !== undefined || !isDisposed) settle(() => resolve(this.serializeResponse(response) as T));
          else settle(() => reject(new EmptyError()));
        },
      };
      const timer = setTimeout(() => settle(() => reject(new TimeoutError())), timeoutMs);
      this.connect().then(
        () => {
          if (queued.settled) return;
          if (this.queued.length === 0) setImmediate(() => this.flush());
          this.queued.push(queued);
        },
        (error: unknown) => settle(() => reject(error)),
      );
    });
  }

  private flush(): void {
    const waiting = this.queued.filter((queued) => !queued.settled);
    this.queued = [];
    for (let start = 0; start < waiting.length; start += RPC_BATCH_MAX) {
      const group = waiting.slice(start, start + RPC_BATCH_MAX);
      rpcRequestsPerMessage.observe({ service: this.queue.replace(/\.rpc$/, '') }, group.length);
      if (group.length > 1) this.publishBatch(group);
      else group[0].forget = this.publish(this.createPacket(group[0].packet.pattern, group[0].packet.data), group[0].callback);
    }
  }

  /** Like Nest's publish, for several requests: one message, one listener for its one reply, each request routed by its id. */
  private publishBatch(group: Queued[]): void {
    const correlationId = randomUUID();
    const members = new Map<string, Queued>();
    const failAll = (err: unknown) => {
      for (const queued of [...members.values()]) queued.callback({ err });
    };
    const forget = (id: string) => {
      members.delete(id);
      this.routingMap.delete(id);
      if (members.size === 0) this.responseEmitter.removeListener(correlationId, listener);
    };
    const listener = ({ content }: { content: Buffer }) => {
      const { replies, err } = this.parseMessageContent(content) as RpcBatchReply & { err?: unknown };
      // A service that does not know batches (one not yet upgraded) answers the message with one error: it is every request's.
      if (!Array.isArray(replies)) return failAll(err ?? new Error('The service answered a batch without replies.'));
      for (const reply of replies) {
        const queued = members.get(reply.id);
        if (!queued) continue;
        forget(reply.id);
        void this.handleMessage(reply, queued.callback);
      }
    };
    const requests = group.map((queued) => {
      const id = randomUUID();
      members.set(id, queued);
      // Registered as Nest registers a request, so that a lost connection fails it at once.
      this.routingMap.set(id, queued.callback);
      queued.forget = () => forget(id);
      return { id, pattern: queued.packet.pattern, data: queued.packet.data };
    });
    this.responseEmitter.on(correlationId, listener);
    const batch: RpcBatch = { id: correlationId, requests };
    const options = { replyTo: this.replyQueue, persistent: this.getOptionsProp(this.options, 'persistent', false), type: RPC_BATCH_TYPE, correlationId };
    try {
      this.channel!.sendToQueue(this.queue, Buffer.from(JSON.stringify(batch)), options).catch(failAll);
    } catch (err) {
      failAll(err);
    }
  }
}
