import { createServer, Server } from 'node:net';
import { Client } from 'pg';
import { vhostPool } from './vhost-pool';

export type SuiteService = 'identity' | 'tickets' | 'portal' | 'gateway';

/** How many processes of each service the start script runs (DESIGN.md section 10, scale-out); 1 when not named. */
export type InstanceCounts = Partial<Record<SuiteService, number>>;

/** Settings of one isolated test run: its own vhost, databases and ports. */
export interface TestEnvironment {
  runId: string;
  env: Record<string, string>;
  /** The first gateway's URL. */
  gatewayUrl: string;
  /** Every gateway process's URL, in the start script's order (gateway#1, gateway#2...). */
  gatewayUrls: string[];
  /** Each service's HTTP ports (the gateway's API, the others' /health), one per process. */
  ports: Record<SuiteService, number[]>;
  databaseUrl: string;
  databases: { identity: string; tickets: string; portal: string };
  amqpUrl: string;
  dispose(): Promise<void>;
}

const SERVER_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432';
const BROKER = process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672';

/**
 * `count` distinct free ports: every listener stays open until all are picked, or the kernel could
 * hand the same port out twice (as it once did, to identity and tickets).
 */
export async function freePorts(count: number): Promise<number[]> {
  const servers = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Server>((resolve, reject) => {
          const server = createServer();
          server.on('error', reject);
          server.listen(0, '127.0.0.1', () => resolve(server));
        }),
    ),
  );
  const ports = servers.map((server) => (server.address() as { port: number }).port);
  await Promise.all(servers.map((server) => new Promise((done) => server.close(done))));
  return ports;
}

export function adminQuery<T = Record<string, unknown>>(database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  return adminQueryOn<T>(SERVER_URL, database, sql, params);
}

/** `adminQuery` on another PostgreSQL server (the faults run's private cluster). */
export async function adminQueryOn<T = Record<string, unknown>>(serverUrl: string, database: string, sql: string, params: unknown[] = []): Promise<T[]> {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query(sql, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The variable each service reads its port from, and the list the start script takes for several processes. */
const PORT_VARIABLES: Record<SuiteService, string> = { gateway: 'PORT', identity: 'IDENTITY_PORT', tickets: 'TICKETS_PORT', portal: 'PORTAL_PORT' };
const SERVICES = Object.keys(PORT_VARIABLES) as SuiteService[];

/**
 * A fresh vhost and fresh database names (the services create the databases), free ports, and a
 * dispose that drops them all. `overrides` adds or replaces settings for this run; a DATABASE_URL
 * among them is the server the databases live on (and are dropped from). `instances` runs several
 * processes of a service against the same vhost and databases, each on a free port of its own
 * (<SERVICE>_INSTANCES and <SERVICE>_PORTS for the start script).
 */
export async function createTestEnvironment(overrides: Record<string, string> = {}, instances: InstanceCounts = {}): Promise<TestEnvironment> {
  const serverUrl = overrides.DATABASE_URL ?? SERVER_URL;
  const vhost = await vhostPool.take();
  // The vhost's name is unique to this run: the databases, the signing secret and the vhost share it.
  const runId = vhost;
  const amqpUrl = `${BROKER.replace(/\/+$/, '')}/${vhost}`;
  const databases = { identity: `${runId}_identity`, tickets: `${runId}_tickets`, portal: `${runId}_portal` };
  const counts = Object.fromEntries(SERVICES.map((service) => [service, instances[service] ?? 1])) as Record<SuiteService, number>;
  const free = await freePorts(SERVICES.reduce((sum, service) => sum + counts[service], 0));
  const ports = Object.fromEntries(SERVICES.map((service) => [service, free.splice(0, counts[service])])) as Record<SuiteService, number[]>;
  const scaled: Record<string, string> = {};
  for (const service of SERVICES.filter((name) => counts[name] > 1)) {
    scaled[`${service.toUpperCase()}_INSTANCES`] = String(counts[service]);
    scaled[`${service.toUpperCase()}_PORTS`] = ports[service].join(',');
  }
  const env: Record<string, string> = {
    ...Object.fromEntries(SERVICES.map((service) => [PORT_VARIABLES[service], String(ports[service][0])])),
    ...scaled,
    DATABASE_URL: serverUrl,
    IDENTITY_DB: databases.identity,
    TICKETS_DB: databases.tickets,
    PORTAL_DB: databases.portal,
    AMQP_URL: amqpUrl,
    ADMIN_USERNAME: 'admin',
    ADMIN_PASSWORD: 'Admin-Passw0rd',
    JWT_SECRET: `secret-${runId}`,
    BUS_RETRY_DELAYS: '200,500,1000',
    OUTBOX_POLL_MS: '200',
    ...overrides,
  };
  // An override of a port variable moves the first process of that service.
  for (const service of SERVICES) ports[service][0] = Number(env[PORT_VARIABLES[service]]);
  return {
    runId,
    env,
    gatewayUrl: `http://127.0.0.1:${env.PORT}`,
    gatewayUrls: ports.gateway.map((port) => `http://127.0.0.1:${port}`),
    ports,
    databaseUrl: serverUrl,
    databases,
    amqpUrl,
    async dispose() {
      for (const name of Object.values(databases)) await adminQueryOn(serverUrl, 'postgres', `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      vhostPool.giveBack(vhost);
    },
  };
}
