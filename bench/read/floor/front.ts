// The floor's first process: Fastify answering GET /tickets/:id by a request over RabbitMQ to the
// worker (direct reply-to, a correlation id per request), and POST /login ({ password }) the same
// way to `<queue>.login`. No Nest, no JWT, no session, no ACL, no logs.
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
  const ask = (to: string, body: unknown, answered: (reply: { ok?: unknown; status?: number }) => void) => {
    const correlationId = String(++next);
    pending.set(correlationId, answered);
    channel.sendToQueue(to, Buffer.from(JSON.stringify(body)), { replyTo: REPLY_TO, correlationId });
  };
  app.get<{ Params: { id: string } }>('/tickets/:id', (request, reply) => {
    ask(queue, { id: request.params.id }, (answer) => void (answer.ok ? reply.send(answer.ok) : reply.code(answer.status ?? 500).send(NOT_FOUND)));
  });
  app.post<{ Body: { password: string } }>('/login', (request, reply) => {
    ask(`${queue}.login`, { password: request.body.password }, (answer) => void reply.code(answer.ok ? 200 : (answer.status ?? 500)).send(answer.ok ?? {}));
  });
  const url = await app.listen({ host: '127.0.0.1', port: 0 });
  process.on('SIGTERM', () => void app.close().then(() => connection.close()).finally(() => process.exit(0)));
  console.log(`ready ${url}`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
