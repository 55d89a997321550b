import { DeadLetter, DeadLetterQueue } from './dead-letter-queue';

export const DLQ_USAGE = `usage: npm run dlq -- <command>
  list <queue>                          the dead letters of <queue>.dlq, oldest first
  show <queue> <n>                      the n-th dead letter in full (properties, headers, body)
  republish <queue> --all               every dead letter back to suite.events with its original routing key
  republish <queue> --id <messageId>    one of them
<queue>: a service (tickets), its event queue (tickets.events) or the dead-letter queue (tickets.events.dlq).
The broker is AMQP_URL, as for the services.`;

/** Where the command writes: the terminal, or a test's buffer. */
export interface CommandOutput {
  out(line: string): void;
  err(line: string): void;
}

const summary = (letter: DeadLetter): string =>
  [String(letter.position).padStart(3), letter.messageId ?? '-', letter.routingKey ?? '-', `attempts=${letter.attempts}`, letter.publishedAt ?? '-', letter.lastError ?? ''].join('  ');

/**
 * `npm run dlq -- list|show|republish ...` (docs/OPERATIONS.md, "Draining a dead-letter queue").
 * Returns the exit code: 0 done, 1 a dead letter was asked for and not found or not republished,
 * 2 bad usage.
 */
export async function runDeadLetterCommand(args: string[], amqpUrl: string, output: CommandOutput): Promise<number> {
  const [command, queueName, ...rest] = args;
  const usage = () => {
    output.err(DLQ_USAGE);
    return 2;
  };
  if (!queueName || !['list', 'show', 'republish'].includes(command)) return usage();
  let which: { all: true } | { messageId: string } | null = null;
  let position = 0;
  if (command === 'show') {
    position = Number(rest[0]);
    if (!Number.isInteger(position) || position < 1 || rest.length !== 1) return usage();
  } else if (command === 'republish') {
    if (rest.length === 1 && rest[0] === '--all') which = { all: true };
    else if (rest.length === 2 && rest[0] === '--id' && rest[1]) which = { messageId: rest[1] };
    else return usage();
  } else if (rest.length) return usage();

  const queue = await DeadLetterQueue.open(amqpUrl, queueName);
  try {
    if (command === 'list') {
      const letters = await queue.list();
      output.out(`${queue.queue}: ${letters.length} dead letter(s)`);
      for (const letter of letters) output.out(summary(letter));
      return 0;
    }
    if (command === 'show') {
      const letter = (await queue.list())[position - 1];
      if (!letter) {
        output.err(`${queue.queue} holds no dead letter number ${position}`);
        return 1;
      }
      output.out(JSON.stringify(letter, null, 2));
      return 0;
    }
    const outcomes = await queue.republish(which!);
    for (const outcome of outcomes) {
      output.out(`${outcome.republished ? 'republished' : 'kept'}  ${outcome.messageId ?? '-'}  ${outcome.routingKey ?? '-'}${outcome.reason ? `  (${outcome.reason})` : ''}`);
    }
    const done = outcomes.filter((o) => o.republished).length;
    output.out(`${queue.queue}: ${done} republished, ${outcomes.length - done} kept`);
    if ('messageId' in which! && outcomes.length === 0) {
      output.err(`${queue.queue} holds no dead letter with message id ${which.messageId}`);
      return 1;
    }
    return done === outcomes.length ? 0 : 1;
  } finally {
    await queue.close();
  }
}
