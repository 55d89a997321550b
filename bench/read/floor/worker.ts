// The floor's second process: consumes the read requests from RabbitMQ, reads the row with one
// prepared statement and replies on direct reply-to. No Nest, no validation, no ACL, no logs.
// Arguments: the AMQP URL, the database URL, the queue.
import amqp from 'amqplib';
import { Pool } from 'pg';
import { TICKET_ROW_SQL, ticketViewOfRow } from '../ticket-row';

async function main(): Promise<void> {
  const [amqpUrl, databaseUrl, queue] = process.argv.slice(2);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const connection = await amqp.connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  await channel.assertQueue(queue, { durable: false, autoDelete: true });
  await channel.consume(
    queue,
    (message) => {
      if (!message) return;
      const { id } = JSON.parse(message.content.toString()) as { id: string };
      const reply = (body: unknown) =>
        channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(body)), { correlationId: message.properties.correlationId });
      pool
        .query({ name: 'floor.ticket', text: TICKET_ROW_SQL, values: [id] })
        .then(({ rows }) => reply(rows[0] ? { ok: ticketViewOfRow(rows[0]) } : { status: 404 }))
        .catch((error: Error) => reply({ status: 500, message: error.message }));
    },
    { noAck: true },
  );
  process.on('SIGTERM', () => void connection.close().then(() => pool.end()).finally(() => process.exit(0)));
  console.log('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
