import 'reflect-metadata';
import { runDeadLetterCommand } from '@app/bus/dead-letters/dead-letter-command';
import { readSettings } from '../settings/settings';

// `npm run dlq -- list|show|republish <queue> ...`: the operator's tool for dead-letter queues, on
// the broker the services use (AMQP_URL, nothing else: JWT_SECRET and the rest are not its business).
// Imports the bus's file, not its index (no Nest needed).
runDeadLetterCommand(process.argv.slice(2), readSettings({ AMQP_URL: process.env.AMQP_URL }).amqpUrl, { out: (line) => console.log(line), err: (line) => console.error(line) }).then(
  (code) => process.exit(code),
  (error: Error) => {
    console.error(`dlq: ${error.message}`);
    process.exit(1);
  },
);
