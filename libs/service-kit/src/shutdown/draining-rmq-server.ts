import { Logger } from '@nestjs/common';
import { RmqContext, RmqOptions, ServerRMQ } from '@nestjs/microservices';
import { NO_MESSAGE_HANDLER } from '@nestjs/microservices/constants';
import { errorBody, RpcRequest } from '@app/contracts';
import { coalesceAmqpWrites, parseRpcBatch, RPC_BATCH_TYPE, RpcPacket, RpcReplyPacket, withoutPublisherConfirms } from '@app/bus';
import type { AmqpConnectionManager, ChannelWrapper } from 'amqp-connection-manager';
import type { Channel, ConsumeMessage } from 'amqplib';
import { randomUUID } from 'node:crypto';
import { within } from '../async/within';
import { Refusal, refusalFor } from '../rpc/refused-requests';

/** A request in hand: how to refuse it, and its reply once it has one. */
interface HeldRequest {
  id: string;
  refusal: Refusal;
  answered: Promise<RpcReplyPacket>;
}

/** A message in hand: a request alone, or a batch (`batchId`) of several. */
interface HeldMessage {
  message: ConsumeMessage;
  batchId: string | null;
  requests: HeldRequest[];
}

/** How long a request whose commit had begun at the drain's bound may take to finish and reply. */
const COMMITTING_MS = 1_000;

/**
 * Nest's RMQ server, stopped the way a rolling restart needs: `close()` first cancels the consumer
 * (the broker keeps undelivered requests for another instance or the restarted one), then lets the
 * requests already delivered finish and reply, and only then closes the channel. Nest's own close()
 * drops the channel at once, so the replies of in-flight handlers were lost and their callers waited
 * for the RPC timeout. A request still running after `drainMs` is refused with a 503 (the gateway
 * passes it on at once) before the channel closes, and its transaction may no longer commit
 * (refused-requests.ts); one whose commit had begun gets a moment to finish and reply instead.
 *
 * A request is in hand until its reply is out. Nest's handleMessage cannot tell: it resolves once the
 * handler has returned its observable, before the work that observable runs (interceptors make every
 * handler return one). So every request, alone or in a batch, is handled here as Nest handles one
 * (handler, interceptors, filters, processing hooks), and followed to its reply.
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
  private readonly inFlight = new Map<Promise<unknown>, HeldMessage>();
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
    const held = message ? this.held(message, channel) : null;
    // Not a request (an event without an id, or nothing readable): Nest's own path.
    if (!held) return super.handleMessage(message, channel);
    const handling = Promise.all(held.requests.map(({ answered }) => answered)).then((replies) => this.reply(held, replies));
    this.inFlight.set(handling, held);
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
    if (held) this.shutdownLogger.log(`finishing ${held} RPC message(s) before closing`);
    const finished = await within(Promise.allSettled([...this.inFlight.keys()]), this.drainMs);
    if (!finished) await this.refuseHeld();
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

  /** The requests of a message, each started with its own refusal (refused-requests.ts); null when it holds none. */
  private held(message: ConsumeMessage, channel: Channel): HeldMessage | null {
    const isBatch = message.properties.type === RPC_BATCH_TYPE;
    const batch = isBatch ? parseRpcBatch(message.content) : null;
    if (isBatch && !batch) {
      this.rpcLogger.warn(`an RPC batch ${message.properties.correlationId} that is not one: dropped`);
      return { message, batchId: null, requests: [] };
    }
    const requests = batch ? batch.requests : requestsAlone(message.content);
    if (!requests) return null;
    return {
      message,
      batchId: batch?.id ?? null,
      requests: requests.map((request) => {
        const context = new RmqContext([message, channel, request.pattern]);
        const refusal = refusalFor(context, (request.data as Partial<RpcRequest> | null)?.commitBy);
        return { id: request.id, refusal, answered: refusal.expired ? Promise.resolve(expiredReply(request.id)) : this.answer(request, context) };
      }),
    };
  }

  /** Sends the replies of a message: a request alone gets its one, a batch one message with those given. */
  private reply({ message, batchId }: HeldMessage, replies: RpcReplyPacket[]): void {
    const { replyTo, correlationId } = message.properties;
    if (!replyTo || replies.length === 0) return;
    if (batchId) this.sendMessage({ id: batchId, replies }, replyTo, correlationId, undefined as never);
    else this.sendMessage(replies[0], replyTo, correlationId, undefined as never);
  }

  /** One request: its first reply, as Nest's client takes it. */
  private answer(request: RpcPacket, context: RmqContext): Promise<RpcReplyPacket> {
    return new Promise((resolve) => {
      const handler = this.getHandlerByPattern(request.pattern);
      if (!handler) return resolve({ id: request.id, err: NO_MESSAGE_HANDLER, isDisposed: true });
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

  /**
   * Answers the requests still in hand with a 503, each refused so that it cannot commit later. A
   * request whose commit had begun cannot be refused: it gets COMMITTING_MS to finish, and its own
   * reply goes out (in a batch, with the 503s of the others).
   */
  private async refuseHeld(): Promise<void> {
    const refused = errorBody(503, 'The service is shutting down; try again shortly.', 'SERVICE_UNAVAILABLE');
    const counts = { refused: 0, committing: 0 };
    const replyOf = async ({ id, refusal, answered }: HeldRequest): Promise<RpcReplyPacket | undefined> => {
      if (refusal.refuse()) {
        counts.refused += 1;
        return { id, err: refused, isDisposed: true };
      }
      counts.committing += 1;
      return within(answered, COMMITTING_MS);
    };
    await Promise.all(
      [...this.inFlight.values()].map(async (held) => {
        const replies = await Promise.all(held.requests.map(replyOf));
        this.reply(held, replies.filter((reply): reply is RpcReplyPacket => reply !== undefined));
      }),
    );
    const committing = counts.committing ? `; ${counts.committing} already committing, let finish` : '';
    this.shutdownLogger.warn(`RPC requests still running after ${this.drainMs} ms: ${counts.refused} refused with 503, their transactions rolled back${committing}`);
  }
}

/** The answer to a request that reached the service past its `commitBy`: the caller no longer waits for it. */
const expiredReply = (id: string): RpcReplyPacket => ({
  id,
  err: errorBody(503, "The request reached the service past its caller's deadline; it was not run.", 'SERVICE_UNAVAILABLE'),
  isDisposed: true,
});

/** The request a message carries alone (Nest's packet: pattern, data, id), or null when it is no request. */
function requestsAlone(content: Buffer): RpcPacket[] | null {
  try {
    const packet = JSON.parse(content.toString('utf8')) as Partial<RpcPacket>;
    return typeof packet?.id === 'string' && typeof packet.pattern === 'string' ? [{ id: packet.id, pattern: packet.pattern, data: packet.data }] : null;
  } catch {
    return null;
  }
}
