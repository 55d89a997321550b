// The floor's second process: consumes the read requests from RabbitMQ, reads the row with one
// prepared statement and replies on direct reply-to. No Nest, no validation, no ACL, no logs.
// With a password hash, it also verifies passwords against it (argon2, queue `<queue>.login`): the
// login's floor. Arguments: the AMQP URL, the database URL, the queue, [the hash].
import amqp, { Channel, ConsumeMessage } from 'amqplib';
import { verify } from 'argon2';
import { Pool } from 'pg';
import { TICKET_ROW_SQL, ticketViewOfRow } from '../ticket-row';

/** Takes the requests of `queue`, answers each with what `handle` resolves to (or a 500). */
async function serve(channel: Channel, queue: string, handle: (request: Record<string, string>) => Promise<unknown>): Promise<void> {
  await channel.assertQueue(queue, { durable: false, autoDelete: true });
  await channel.consume(
    queue,
    (message: ConsumeMessage | null) => {
      if (!message) return;
      const reply = (body: unknown) =>
        channel.sendToQueue(message.properties.replyTo, Buffer.from(JSON.stringify(body)), { correlationId: message.properties.correlationId });
      handle(JSON.parse(message.content.toString()))
        .then(reply)
        .catch((error: Error) => reply({ status: 500, message: error.message }));
    },
    { noAck: true },
  );
}

async function main(): Promise<void> {
  const [amqpUrl, databaseUrl, queue, hash] = process.argv.slice(2);
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const connection = await amqp.connect(amqpUrl, { noDelay: true });
  const channel = await connection.createChannel();
  await serve(channel, queue, async ({ id }) => {
    const { rows } = await pool.query({ name: 'floor.ticket', text: TICKET_ROW_SQL, values: [id] });
    return rows[0] ? { ok: ticketViewOfRow(rows[0]) } : { status: 404 };
  });
  if (hash) await serve(channel, `${queue}.login`, async ({ password }) => ((await verify(hash, password)) ? { ok: { verified: true } } : { status: 401 }));
  process.on('SIGTERM', () => void connection.close().then(() => pool.end()).finally(() => process.exit(0)));
  console.log('ready');
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
