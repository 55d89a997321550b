import { connect } from 'amqplib';
import { randomUUID } from 'node:crypto';

/**
 * Calls an RPC pattern of a service the way the gateway's Nest RMQ client does (direct reply-to),
 * for checking a service contract the gateway does not expose yet. Resolves the reply or rejects
 * with the service's error body.
 */
export async function callRpc<T = any>(amqpUrl: string, service: string, pattern: string, payload: unknown, timeoutMs = 10_000, actor: object | null = null): Promise<T> {
  const connection = await connect(amqpUrl);
  try {
    const channel = await connection.createChannel();
    const id = randomUUID();
    const reply = new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${pattern}: no answer within ${timeoutMs} ms`)), timeoutMs);
      void channel.consume(
        'amq.rabbitmq.reply-to',
        (message) => {
          if (!message || message.properties.correlationId !== id) return;
          const packet = JSON.parse(message.content.toString());
          if (packet.response === undefined && packet.err === undefined) return;
          clearTimeout(timer);
          if (packet.err !== undefined && packet.err !== null) reject(packet.err);
          else resolve(packet.response as T);
        },
        { noAck: true },
      );
    });
    const request = { requestId: `test-${id}`, actor, payload };
    channel.sendToQueue(`${service}.rpc`, Buffer.from(JSON.stringify({ pattern, data: request, id })), {
      replyTo: 'amq.rabbitmq.reply-to',
      correlationId: id,
      persistent: false,
    });
    return await reply;
  } finally {
    await connection.close();
  }
}
