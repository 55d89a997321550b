import { Logger } from '@nestjs/common';
import { RmqContext, RmqOptions, ServerRMQ } from '@nestjs/microservices';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants';
import { errorBody } from '@app/contracts';
import { coalesceAmqpWrites, parseRpcBatch, RPC_BATCH_TYPE, RpcPacket, RpcReplyPacket, withoutPublisherConfirms } from '@app/bus';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';

/**
 * Nest's RMQ server, stopped the way a rolling restart needs: `close()` first cancels the consumer
 * (the broker keeps undelivered requests for another instance or the restarted one), then lets the
 * requests already delivered finish and reply, and only then closes the channel. Nest's own close()
 * drops the channel at once, so the replies of in-flight handlers were lost and their callers waited
 * for the RPC timeout. A request still running after `drainMs` is refused with a 503 (the gateway
 * passes it on at once) before the channel closes.
 *
 * Two costs of Nest's server are also cut here, on every request: replies go out without publisher
 * confirms, and plain string patterns are looked up without a JSON.parse that throws. And it answers
 * the gateway's batches (libs/bus rpc-batch.ts): several requests in one message, replied in one.
 */
export class DrainingRmqServer extends ServerRMQ {
  private readonly shutdownLogger = new Logger('Shutdown');
  private readonly rpcLogger = new Logger('Rpc');
  private readonly consumerTag: string;
  private rawChannel: Channel | null = null;
  private readonly inFlight = new Map<Promise<unknown>, ConsumeMessage>();
  /** Replies handed to the channel and not yet written: close() waits for them. */
  private readonly replies = new Set<Promise<unknown>>();

  constructor(
    options: RmqOptions['options'],
    private readonly drainMs: number,
  ) {
    const consumerTag = `${options?.queue ?? 'rpc'}.${process.pid}.${randomUUID()}`;
    super({ ...options, consumerTag });
    this.consumerTag = consumerTag;
  }

  /** Replies go out on a channel without publisher confirms, as the requests do (libs/bus without-publisher-confirms.ts). */
  override async createClient<T>(): Promise<T> {
    coalesceAmqpWrites();
    return withoutPublisherConfirms(await super.createClient<AmqpConnectionManager>()) as T;
  }

  override async setupChannel(channel: Channel, callback: (...args: unknown[]) => void): Promise<void> {
    this.rawChannel = channel;
    return super.setupChannel(channel, callback);
  }

  /**
   * The suite's patterns are plain strings (`tickets.tickets.get`): look them up as they are. Nest
   * first tries each as JSON, which throws (and builds an error) on every request.
   */
  override getHandlerByPattern(pattern: string): ReturnType<ServerRMQ['getHandlerByPattern']> {
    return this.messageHandlers.get(pattern) ?? super.getHandlerByPattern(pattern);
  }

  override async handleMessage(message: ConsumeMessage, channel: Channel): Promise<void> {
    const handling = message?.properties.type === RPC_BATCH_TYPE ? this.handleBatch(message, channel) : super.handleMessage(message, channel);
    this.inFlight.set(handling, message);
    try {
      await handling;
    } finally {
      this.inFlight.delete(handling);
    }
  }

  override async close(): Promise<void> {
    try {
      await this.rawChannel?.cancel(this.consumerTag);
    } catch (error) {
      this.shutdownLogger.warn(`could not cancel the RPC consumer: ${(error as Error).message}`);
    }
    const held = this.inFlight.size;
    if (held) this.shutdownLogger.log(`finishing ${held} RPC request(s) before closing`);
    const finished = await settledWithin([...this.inFlight.keys()], this.drainMs);
    if (!finished) this.refuseHeld();
    // Replies go out on the next tick (Nest's Server.send); let them reach the broker before the channel closes.
    await new Promise((resolve) => setImmediate(resolve));
    await Promise.allSettled([...this.replies]);
    await super.close();
  }

  /**
   * Nest's sendMessage, keeping the publish's promise: Nest drops it, so a reply still queued when
   * the channel closes was lost (and its rejection ended the process).
   */
  override sendMessage<T = unknown>(message: T, replyTo: string, correlationId: string, _context?: RmqContext): void {
    const outgoing = this.serializer.serialize(message as never) as { options?: Record<string, unknown> };
    const { options, ...body } = outgoing;
    const sending = (this.channel as unknown as ChannelWrapper)
      .sendToQueue(replyTo, Buffer.from(JSON.stringify(body)), { correlationId, ...options })
      .catch((error: Error) => this.shutdownLogger.warn(`reply ${correlationId} not sent: ${error.message}`));
    this.replies.add(sending);
    void sending.finally(() => this.replies.delete(sending));
  }

  /**
   * A message of several requests (libs/bus rpc-batch.ts): each is handled as Nest handles one that
   * came alone (its handler with interceptors and filters, the processing hooks), and their replies go
   * back together once all are in.
   */
  private async handleBatch(message: ConsumeMessage, channel: Channel): Promise<void> {
    const { replyTo, correlationId } = message.properties;
    const batch = parseRpcBatch(message.content);
    if (!batch) return this.rpcLogger.warn(`an RPC batch ${correlationId} that is not one: dropped`);
    const replies = await Promise.all(batch.requests.map((request) => this.answer(request, message, channel)));
    if (replyTo) this.sendMessage({ id: batch.id, replies }, replyTo, correlationId, undefined as never);
  }

  /** One request of a batch: its first reply, as the caller takes it from a request of its own. */
  private answer(request: RpcPacket, message: ConsumeMessage, channel: Channel): Promise<RpcReplyPacket> {
    return new Promise((resolve) => {
      const handler = this.getHandlerByPattern(request.pattern);
      if (!handler) return resolve({ id: request.id, err: NO_MESSAGE_HANDLER, isDisposed: true });
      const context = new RmqContext([message, channel, request.pattern]);
      // The first packet settles it (later ones are ignored); the client reads it as it reads a reply of its own.
      const respond = ({ err, response }: Omit<RpcReplyPacket, 'id'>) => resolve({ id: request.id, err, response, isDisposed: true });
      const handling = this.handleRequest(context, async () => this.transformToObservable(await handler(request.data, context)), respond) as unknown as Promise<void>;
      // Nest leaves a handler that throws before it returns to the transport's error log, and its caller to its deadline.
      Promise.resolve(handling).catch((error: Error) => {
        this.rpcLogger.error(`${request.pattern} failed before answering: ${error?.message ?? error}`);
        resolve({ id: request.id, err: errorBody(500, 'The service failed to handle the request; it has been logged.', 'INTERNAL'), isDisposed: true });
      });
    });
  }

  private refuseHeld(): void {
    this.shutdownLogger.warn(`${this.inFlight.size} RPC request(s) still running after ${this.drainMs} ms: refused with 503`);
    const refused = errorBody(503, 'The service is shutting down; try again shortly.', 'SERVICE_UNAVAILABLE');
    for (const message of this.inFlight.values()) {
      const { replyTo, correlationId, type } = message.properties;
      if (!replyTo) continue;
      if (type === RPC_BATCH_TYPE) {
        const batch = parseRpcBatch(message.content);
        if (batch) this.sendMessage({ id: batch.id, replies: batch.requests.map(({ id }) => ({ id, err: refused, isDisposed: true })) }, replyTo, correlationId, undefined as never);
        continue;
      }
      this.sendMessage({ id: parsedId(message.content), err: refused, isDisposed: true }, replyTo, correlationId, undefined as never);
    }
  }
}

/** True when all promises settled before `ms`; false when the time ran out first. */
async function settledWithin(promises: Promise<unknown>[], ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  const all = Promise.allSettled(promises).then(() => true as const);
  try {
    return await Promise.race([all, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}

function parsedId(content: Buffer): string | undefined {
  try {
    return JSON.parse(content.toString('utf8')).id;
  } catch {
    return undefined;
  }
}
