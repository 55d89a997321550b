// The floor's first process: Fastify answering GET /tickets/:id by a request over RabbitMQ to the
// worker (direct reply-to, a correlation id per request). No Nest, no JWT, no session, no ACL, no logs.
// Arguments: the AMQP URL, the queue. Prints "ready <url>".
import amqp from 'amqplib';
import Fastify from 'fastify';
import { NOT_FOUND } from '../ticket-row';

const REPLY_TO = 'amq.rabbitmq.reply-to';

async function main(): Promise<void> {
  const [amqpUrl, queue] = process.argv.slice(2);
  const connection = await amqp.connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  const pending = new Map<string, (reply: { ok?: unknown; status?: number }) => void>();
  let next = 0;
  await channel.consume(
    REPLY_TO,
    (message) => {
      if (!message) return;
      pending.get(message.properties.correlationId)?.(JSON.parse(message.content.toString()));
      pending.delete(message.properties.correlationId);
    },
    { noAck: true },
  );
  const app = Fastify({ logger: false });
  app.get<{ Params: { id: string } }>('/tickets/:id', (request, reply) => {
    const correlationId = String(++next);
    pending.set(correlationId, (answer) => void (answer.ok ? reply.send(answer.ok) : reply.code(answer.status ?? 500).send(NOT_FOUND)));
    channel.sendToQueue(queue, Buffer.from(JSON.stringify({ id: request.params.id })), { replyTo: REPLY_TO, correlationId });
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('SIGTERM', () => void app.close().then(() => connection.close()).finally(() => process.exit(0)));
  console.log(`ready ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
