// AMQP_QUEUE_TYPE=quorum, as production runs it on a three-node RabbitMQ cluster (DESIGN.md section
// 10): the whole suite on its own vhost, the broker asked which queues it holds and of what type, and
// an event and RPC calls still flowing. Before the services start, the vhost gets the definitions
// docker-compose.yml loads at broker boot (deploy/compose/rabbitmq-definitions.json), so the run also
// shows the broker takes that file and the services' declarations match the queues it made (a
// mismatch is PRECONDITION_FAILED and the service does not start). The management plugin is not
// enabled on the shared broker, so rabbitmqctl answers. The run's retry delays are shorter than the
// file's (the defaults): its retry queues are imported renamed and with their TTLs to match, so
// that the way to the .dlq takes under 2 s instead of 31.
import { EVENT_SUBSCRIPTIONS, rpcQueueOf, RpcService } from '@app/contracts';
import { deadLetterQueueOf, eventQueueOf, retryQueueOf } from '@app/bus/topology';
import { eventually } from '@app/testing';
import { connect } from 'amqplib';
import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

const run = promisify(execFile);

interface BrokerQueue {
  name: string;
  type: string;
  durable: boolean;
  exclusive: boolean;
  messages?: number;
  arguments: Array<[string, string, unknown]> | Record<string, unknown>;
}

const DEFINITIONS = resolve(__dirname, '../../deploy/compose/rabbitmq-definitions.json');

interface Definitions {
  vhosts: Array<{ name: string }>;
  exchanges: Array<{ vhost: string }>;
  queues: Array<{ name: string; vhost: string; arguments: Record<string, unknown> }>;
  bindings: Array<{ vhost: string }>;
}

/** The default retry delays (BUS_RETRY_DELAYS), the ones the definitions file declares retry queues for. */
const FILE_DELAYS = [1000, 5000, 25000];

/**
 * The compose definitions with every object moved from `/` to this run's vhost, and the retry queue
 * of each default delay renamed and given the TTL of the run's delay at the same step; imported by rabbitmqctl.
 */
async function importDefinitionsInto(vhost: string, retryDelays: number[]): Promise<Definitions> {
  const definitions = JSON.parse(readFileSync(DEFINITIONS, 'utf8')) as Definitions;
  const withRunDelay = (queue: Definitions['queues'][number]) => {
    // A retry queue dead-letters back to the queue it retries for.
    const retried = String(queue.arguments['x-dead-letter-routing-key'] ?? '');
    const step = FILE_DELAYS.findIndex((delay) => queue.name === retryQueueOf(retried, delay));
    if (step < 0) return queue;
    const delay = retryDelays[step];
    return { ...queue, name: retryQueueOf(retried, delay), arguments: { ...queue.arguments, 'x-message-ttl': delay } };
  };
  const moved = {
    ...definitions,
    vhosts: definitions.vhosts.map((entry) => ({ ...entry, name: vhost })),
    exchanges: definitions.exchanges.map((entry) => ({ ...entry, vhost })),
    queues: definitions.queues.map((entry) => ({ ...withRunDelay(entry), vhost })),
    bindings: definitions.bindings.map((entry) => ({ ...entry, vhost })),
  };
  // rabbitmqctl, started as root, runs as the rabbitmq user: it must be able to read the file.
  const dir = mkdtempSync(join(tmpdir(), 'definitions-'));
  try {
    chmodSync(dir, 0o755);
    writeFileSync(join(dir, 'definitions.json'), JSON.stringify(moved), { mode: 0o644 });
    await run('rabbitmqctl', ['import_definitions', join(dir, 'definitions.json')], { timeout: 60_000 });
    // The import goes on after the command returned.
    await eventually(async () => ((await queuesOf(vhost)).length >= definitions.queues.length ? true : undefined), 30_000, 500);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return definitions;
}

async function queuesOf(vhost: string): Promise<BrokerQueue[]> {
  const { stdout } = await run('rabbitmqctl', ['list_queues', '-p', vhost, 'name', 'type', 'durable', 'exclusive', 'messages', 'arguments', '--formatter', 'json', '-q'], { timeout: 60_000 });
  return JSON.parse(stdout) as BrokerQueue[];
}

describe('AMQP_QUEUE_TYPE=quorum: every shared queue is a quorum queue and the suite works on them', () => {
  let suite: RunningSuite;
  let vhost: string;
  let definitions: Definitions;
  const retryDelays = [200, 500, 1000];

  beforeAll(async () => {
    suite = await startWholeSuite({ AMQP_QUEUE_TYPE: 'quorum', BUS_RETRY_DELAYS: retryDelays.join(',') }, async (environment) => {
      vhost = new URL(environment.amqpUrl).pathname.slice(1);
      definitions = await importDefinitionsInto(vhost, retryDelays);
    });
  });

  afterAll(async () => {
    await suite?.suite.stop();
    await suite?.environment.dispose();
  });

  it('declares the event, retry, dead-letter and RPC queues as quorum, and the per-process queues as classic', async () => {
    const queues = await queuesOf(vhost);
    const shared = (delays: number[]) => [
      ...(['identity', 'tickets', 'portal'] as RpcService[]).map(rpcQueueOf),
      ...Object.keys(EVENT_SUBSCRIPTIONS).flatMap((service) => {
        const queue = eventQueueOf(service);
        return [queue, deadLetterQueueOf(queue), ...delays.map((delay) => retryQueueOf(queue, delay))];
      }),
    ];
    const durable = queues.filter((queue) => queue.durable);
    expect(durable.map((queue) => queue.name).sort()).toEqual(shared(retryDelays).sort());
    // docker-compose's broker declares the same queues, with the default delays, before any service starts.
    expect(definitions.queues.map((queue) => queue.name).sort()).toEqual(shared(FILE_DELAYS).sort());
    for (const queue of durable) expect({ name: queue.name, type: queue.type }).toEqual({ name: queue.name, type: 'quorum' });

    // The gateway's session-events queue (and any other of one process) cannot be quorum: exclusive.
    const own = queues.filter((queue) => !queue.durable);
    expect(own.length).toBeGreaterThanOrEqual(1);
    for (const queue of own) expect({ name: queue.name, type: queue.type, exclusive: queue.exclusive }).toEqual({ name: queue.name, type: 'classic', exclusive: true });
  });

  it('a user created through the gateway (RPC to identity) reaches tickets and portal over the quorum event queues', async () => {
    const body = newUserBody(suite.ids);
    const created = await suite.admin.post('/api/users', body);
    expect(created.status).toBe(201);
    const userId: string = created.body.id;
    const mirrored = await eventually(async () => {
      const list = await suite.admin.get('/api/tickets/user-security?status=NEW&limit=500');
      return list.body.items.find((item: { id: string }) => item.id === userId);
    }, 10_000);
    expect(mirrored.value).toMatchObject({ id: userId, username: body.username, status: 'NEW' });
    const portal = await eventually(async () => {
      const access = await suite.admin.get(`/api/portal/users/${userId}/access`);
      return access.status === 200 ? access.body : undefined;
    }, 10_000);
    expect(portal.value.profile).toBe('MINIMUM');
  });

  it('an event its consumer cannot apply goes round the quorum retry queues (TTL, at-least-once dead-lettering) into the .dlq', async () => {
    // A user without a username or anything else: tickets' handler fails on it every time.
    const connection = await connect(suite.environment.amqpUrl);
    try {
      const channel = await connection.createConfirmChannel();
      const envelope = { id: randomUUID(), type: 'identity.user.created', version: 1, occurredAt: new Date().toISOString(), source: 'test', correlationId: randomUUID(), data: {} };
      channel.publish('suite.events', envelope.type, Buffer.from(JSON.stringify(envelope)), { persistent: true, contentType: 'application/json', messageId: envelope.id });
      await channel.waitForConfirms();
    } finally {
      await connection.close();
    }
    // Three retries, each a quorum queue whose TTL dead-letters back to tickets.events.
    const deadLettered = await eventually(async () => {
      const dlq = (await queuesOf(vhost)).find((queue) => queue.name === deadLetterQueueOf(eventQueueOf('tickets')));
      return dlq && (dlq.messages ?? 0) >= 1 ? dlq : undefined;
    }, 60_000, 500);
    expect(deadLettered.value.messages).toBe(1);
  }, 120_000);
});
