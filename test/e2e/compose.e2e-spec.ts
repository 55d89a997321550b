// docker-compose.yml, Dockerfile, .dockerignore and .env.example checked against the code, without a
// Docker engine: the compose file is parsed with `yaml` and every setting it passes is compared with
// what the sources read; the RabbitMQ definitions it loads are compared with the queues the services
// declare. Plain node:fs / node:path / yaml and Nest-free libs on purpose: jest cannot load Nest 12 (ESM).
import { deadLetteringQueueOptions, durableQueueOptions, isQueueType } from '@app/bus/queue-arguments';
import { rpcQueueOptions } from '@app/bus/rpc/rpc-queue';
import { deadLetterQueueOf, EVENTS_EXCHANGE, eventQueueOf, retryQueueOf } from '@app/bus/topology';
import { EVENT_SUBSCRIPTIONS } from '@app/contracts';
import { readSettings } from '@app/service-kit/settings/settings';
import { existsSync, readFileSync } from 'node:fs';
import { join, posix, resolve } from 'node:path';
import { parseDocument } from 'yaml';
import { variablesReadByCode } from '../unit/deploy/variables-read-by-code';

const ROOT = resolve(__dirname, '../..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

type EnvValue = string | number | boolean | null;
interface ComposeService {
  image?: string;
  build?: string | { context?: string; dockerfile?: string };
  command?: string | string[];
  environment?: Record<string, EnvValue> | string[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[] };
  restart?: string;
  ports?: Array<string | number | { target?: number | string; published?: number | string }>;
  profiles?: string[];
  volumes?: Array<string | { type?: string; source?: string; target?: string; read_only?: boolean }>;
  configs?: Array<string | { source: string; target?: string }>;
  deploy?: { replicas?: number; resources?: { limits?: { cpus?: string | number; memory?: string }; reservations?: { memory?: string } } };
}
interface ComposeFile {
  services: Record<string, ComposeService>;
  volumes?: Record<string, unknown>;
  configs?: Record<string, { content?: string; file?: string }>;
}

const NODE_SERVICES = ['identity', 'tickets', 'portal', 'gateway'] as const;
type NodeService = (typeof NODE_SERVICES)[number];

// ---------------------------------------------------------------------------------------------------
// What the code reads.

const settingsSource = read('libs/service-kit/src/settings/settings.ts');

/** The environment variable a settings field is read from, e.g. `databaseUrl: env.DATABASE_URL || ...`. */
function settingsVariable(pattern: RegExp, what: string): string {
  const match = pattern.exec(settingsSource);
  if (!match) throw new Error(`settings.ts no longer reads ${what} the way this test expects; update the test and the compose file`);
  return match[1];
}

const PORT_VARIABLE: Record<NodeService, string> = {
  gateway: settingsVariable(/gatewayPort\s*[:=]\s*int\(env,\s*'([A-Z][A-Z0-9_]*)'/, 'the gateway port'),
  identity: settingsVariable(/\bidentity:\s*int\(env,\s*'([A-Z][A-Z0-9_]*)'/, 'the identity port'),
  tickets: settingsVariable(/\btickets:\s*int\(env,\s*'([A-Z][A-Z0-9_]*)'/, 'the tickets port'),
  portal: settingsVariable(/\bportal:\s*int\(env,\s*'([A-Z][A-Z0-9_]*)'/, 'the portal port'),
};
const DATABASE_URL = settingsVariable(/databaseUrl:\s*env\.([A-Z][A-Z0-9_]*)/, 'the database server URL');
const AMQP_URL = settingsVariable(/amqpUrl:\s*env\.([A-Z][A-Z0-9_]*)/, 'the broker URL');
const JWT_SECRET = settingsVariable(/jwtSecret\s*=\s*env\.([A-Z][A-Z0-9_]*)/, 'the JWT secret');
const NODE_ENV = settingsVariable(/production\s*=\s*env\.([A-Z][A-Z0-9_]*)\s*===/, 'the production switch');
const PRODUCTION = settingsVariable(/production\s*=\s*env\.[A-Z][A-Z0-9_]*\s*===\s*'([^']+)'/, 'the production value');
const ADMIN_PASSWORD = settingsVariable(/adminPassword:\s*env\.([A-Z][A-Z0-9_]*)/, 'the administrator password');

// ---------------------------------------------------------------------------------------------------
// The compose file.

const composeText = read('docker-compose.yml');
const composeDocument = parseDocument(composeText);
const compose = composeDocument.toJS() as ComposeFile;
const services = compose?.services ?? {};

function service(name: string): ComposeService {
  const found = services[name];
  if (!found) throw new Error(`docker-compose.yml has no service "${name}"`);
  return found;
}

function environmentOf(name: string): Record<string, string> {
  const environment = service(name).environment ?? {};
  const entries = Array.isArray(environment)
    ? environment.map((line) => {
        const at = line.indexOf('=');
        return at < 0 ? [line, ''] : [line.slice(0, at), line.slice(at + 1)];
      })
    : Object.entries(environment).map(([key, value]) => [key, value === null ? '' : String(value)]);
  return Object.fromEntries(entries);
}

const commandOf = (name: string): string[] => {
  const command = service(name).command ?? [];
  return Array.isArray(command) ? command.map(String) : command.trim().split(/\s+/);
};

const healthcheckOf = (name: string): string => {
  const test = service(name).healthcheck?.test ?? '';
  return Array.isArray(test) ? test.join(' ') : test;
};

const dependenciesOf = (name: string): Record<string, { condition?: string }> | string[] => service(name).depends_on ?? {};

/** The container side of each published port: "8080:3000", "${X:-3000}:3000", "127.0.0.1:80:3000/tcp", long syntax. */
const containerPortsOf = (name: string): number[] =>
  (service(name).ports ?? []).map((port) => {
    if (typeof port === 'object') return Number(port.target);
    const text = String(port).replace(/\/(tcp|udp)$/, '');
    return Number(text.slice(text.lastIndexOf(':') + 1));
  });

/** Every string in the parsed file (comments are not part of it). */
function allStrings(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(allStrings);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, inner]) => [key, ...allStrings(inner)]);
  return [];
}

/** `${NAME}`, `${NAME:-x}`, `${NAME:?message}` (but not the escaped `$${NAME}`). */
const interpolatedVariables = (text: string): string[] =>
  [...text.matchAll(/(?<!\$)\$\{([A-Za-z_][A-Za-z0-9_]*)/g)].map((match) => match[1]);

const REQUIRED_INTERPOLATION = /^\$\{([A-Za-z_][A-Za-z0-9_]*):\?[^}]+\}$/;
const INTERPOLATION = /^\$\{[A-Za-z_][A-Za-z0-9_]*(?:(?::?[-?])[^}]*)?\}$/;

/** scheme://user:password@host:port with user and password kept verbatim (they may be `${...}`). */
function connectionUrl(value: string): { scheme: string; user: string; password: string; host: string; port: number } | null {
  const match = /^([a-z]+):\/\/(\$\{[^}]+\}|[^:@/]+):(\$\{[^}]+\}|[^@/]+)@([^:/@]+):(\d+)\/?$/.exec(value);
  if (!match) return null;
  return { scheme: match[1], user: match[2], password: match[3], host: match[4], port: Number(match[5]) };
}

// ---------------------------------------------------------------------------------------------------
// The Dockerfile: instructions with continuations joined, grouped into stages.

interface Instruction {
  keyword: string;
  args: string;
}
function dockerfileStages(): Instruction[][] {
  const logical: string[] = [];
  let current = '';
  for (const raw of read('Dockerfile').split('\n')) {
    const line = raw.trim();
    if (current === '' && (line === '' || line.startsWith('#'))) continue;
    if (line.startsWith('#')) continue;
    if (line.endsWith('\\')) {
      current += `${line.slice(0, -1)} `;
      continue;
    }
    logical.push(current + line);
    current = '';
  }
  if (current) logical.push(current);
  const stages: Instruction[][] = [];
  for (const line of logical) {
    const [, keyword, args] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    const instruction = { keyword: keyword.toUpperCase(), args };
    if (instruction.keyword === 'FROM') stages.push([instruction]);
    else if (stages.length) stages[stages.length - 1].push(instruction);
  }
  return stages;
}

/** NODE_ENV as a container of this service sees it: compose environment over the final stage's ENV. */
function effectiveNodeEnv(name: string, finalStage: Instruction[]): string | undefined {
  const fromCompose = environmentOf(name)[NODE_ENV];
  if (fromCompose !== undefined) return fromCompose;
  let fromImage: string | undefined;
  for (const { keyword, args } of finalStage) {
    if (keyword !== 'ENV') continue;
    const match = new RegExp(`(?:^|\\s)${NODE_ENV}[= ]"?([^"\\s]+)"?`).exec(args);
    if (match) fromImage = match[1];
  }
  return fromImage;
}

// ---------------------------------------------------------------------------------------------------

describe('docker-compose.yml, Dockerfile and .env.example agree with the code', () => {
  it('the compose file parses cleanly and has the four services, postgres, rabbitmq, the nginx proxy and mailpit', () => {
    expect(composeDocument.errors).toEqual([]);
    expect(composeDocument.warnings).toEqual([]);
    expect(Object.keys(services).sort()).toEqual(['gateway', 'identity', 'mailpit', 'portal', 'postgres', 'proxy', 'rabbitmq', 'tickets']);
  });

  it('postgres and rabbitmq use the agreed images and healthchecks; rabbitmq publishes only its management port', () => {
    expect(service('postgres').image).toBe('postgres:16');
    expect(healthcheckOf('postgres')).toMatch(/\bpg_isready\b/);
    expect(service('rabbitmq').image).toBe('rabbitmq:3-management');
    expect(healthcheckOf('rabbitmq')).toMatch(/\brabbitmq-diagnostics -q ping\b/);
    expect(containerPortsOf('rabbitmq')).toEqual([15672]);
  });

  it('the Node services run one image built from the Dockerfile', () => {
    const builds = NODE_SERVICES.map((name) => {
      const { build, image } = service(name);
      const context = typeof build === 'string' ? build : build?.context;
      const dockerfile = typeof build === 'string' ? 'Dockerfile' : build?.dockerfile ?? 'Dockerfile';
      return { context, dockerfile, image };
    });
    for (const build of builds) {
      expect(build).toEqual(builds[0]);
      expect(build.context).toMatch(/^\.\/?$/);
      expect(build.image).toEqual(expect.any(String));
      expect(existsSync(join(ROOT, build.dockerfile))).toBe(true);
    }
  });

  it.each(NODE_SERVICES)('%s starts its own dist entry, which `npm run build` compiles from the repo', (name) => {
    const command = commandOf(name);
    expect(command[0]).toBe('node');
    const entries = command.filter((arg) => /^(\.\/)?dist\//.test(arg));
    expect(entries).toEqual([`dist/apps/${name}/src/main.js`]);
    expect(existsSync(join(ROOT, 'apps', name, 'src/main.ts'))).toBe(true);
    // apps/<name>/src/main.ts lands on dist/apps/<name>/src/main.js only with outDir dist and rootDir ./
    const base = JSON.parse(read('tsconfig.json')) as { compilerOptions: { outDir?: string } };
    const build = JSON.parse(read('tsconfig.build.json')) as { compilerOptions?: { outDir?: string; rootDir?: string }; include: string[] };
    const inRepo = (path: string) => posix.relative('/repo', posix.resolve('/repo', path));
    expect(inRepo(build.compilerOptions?.outDir ?? base.compilerOptions.outDir ?? '')).toBe('dist');
    expect(inRepo(build.compilerOptions?.rootDir ?? 'unset')).toBe('');
    expect(build.include).toContain('apps/**/*.ts');
    expect((JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.build).toContain('tsconfig.build.json');
  });

  it('every variable a Node service is given is one the code reads', () => {
    const readByCode = variablesReadByCode();
    // The scan itself must find what the settings read (else it would approve nothing or anything).
    for (const known of [...Object.values(PORT_VARIABLE), DATABASE_URL, AMQP_URL, JWT_SECRET, NODE_ENV, ADMIN_PASSWORD, 'HOST']) {
      expect(readByCode).toContain(known);
    }
    for (const name of NODE_SERVICES) {
      const unknown = Object.keys(environmentOf(name)).filter((variable) => !readByCode.has(variable));
      expect({ service: name, unknown }).toEqual({ service: name, unknown: [] });
    }
  });

  it.each(NODE_SERVICES)('%s gets the broker, its port variable and (not the gateway) the database server', (name) => {
    const env = environmentOf(name);
    expect(Object.keys(env)).toEqual(expect.arrayContaining([AMQP_URL, PORT_VARIABLE[name]]));
    expect(env[PORT_VARIABLE[name]]).toMatch(/^\d+$/);
    const amqp = connectionUrl(env[AMQP_URL]);
    expect(amqp).toMatchObject({ scheme: 'amqp', host: 'rabbitmq', port: 5672 });
    if (name === 'gateway') {
      expect(env[DATABASE_URL]).toBeUndefined();
    } else {
      const database = connectionUrl(env[DATABASE_URL] ?? '');
      expect(database).toMatchObject({ host: 'postgres', port: 5432 });
      expect(database?.scheme).toMatch(/^postgres(ql)?$/);
      expect(database?.user).toBe(environmentOf('postgres').POSTGRES_USER ?? 'postgres');
    }
  });

  it('the gateway runs in production with a JWT_SECRET, and so does any service in production', () => {
    const finalStage = dockerfileStages().at(-1) ?? [];
    expect(PRODUCTION).toBe('production');
    expect(effectiveNodeEnv('gateway', finalStage)).toBe(PRODUCTION);
    for (const name of NODE_SERVICES) {
      // readSettings() throws at start when NODE_ENV=production and JWT_SECRET is missing.
      if (effectiveNodeEnv(name, finalStage) === PRODUCTION) expect({ name, env: Object.keys(environmentOf(name)) }).toEqual({ name, env: expect.arrayContaining([JWT_SECRET]) });
    }
  });

  it('identity is given ADMIN_PASSWORD, so it never writes a generated one inside the container', () => {
    expect(environmentOf('identity')[ADMIN_PASSWORD]).toMatch(REQUIRED_INTERPOLATION);
  });

  it.each(NODE_SERVICES)('the healthcheck of %s probes /health (or /health/ready) on the port it is told to listen on', (name) => {
    const probe = /^CMD node -e fetch\('http:\/\/127\.0\.0\.1:(\d+)\/health(\/ready)?'\)/.exec(healthcheckOf(name));
    expect(probe).not.toBeNull();
    expect(probe?.[1]).toBe(environmentOf(name)[PORT_VARIABLE[name]]);
  });

  // What `npm start` does by itself (scripts/start-suite.js) is the container engine's job here.
  it.each([...NODE_SERVICES, 'postgres', 'rabbitmq', 'proxy', 'mailpit'])('%s is restarted when it dies and stays stopped when stopped (restart: unless-stopped)', (name) => {
    expect(service(name).restart).toBe('unless-stopped');
  });

  it('depends_on waits for healthy dependencies everywhere, each of which has a healthcheck', () => {
    const expected: Record<string, string[]> = {
      identity: ['postgres', 'rabbitmq'],
      tickets: ['postgres', 'rabbitmq'],
      portal: ['postgres', 'rabbitmq'],
      gateway: ['identity', 'portal', 'rabbitmq', 'tickets'],
    };
    for (const name of Object.keys(services)) {
      const dependencies = dependenciesOf(name);
      expect({ name, list: Array.isArray(dependencies) }).toEqual({ name, list: false });
      const map = dependencies as Record<string, { condition?: string }>;
      for (const [dependency, { condition }] of Object.entries(map)) {
        expect({ name, dependency, condition }).toEqual({ name, dependency, condition: 'service_healthy' });
        expect(healthcheckOf(dependency)).not.toBe('');
      }
      if (expected[name]) expect(Object.keys(map).sort()).toEqual(expected[name]);
    }
  });

  it('only nginx is published for HTTP, and it proxies to the gateways on their PORT (besides the RabbitMQ and Mailpit UIs)', () => {
    const published = Object.keys(services).filter((name) => (service(name).ports ?? []).length > 0);
    expect(published.sort()).toEqual(['mailpit', 'proxy', 'rabbitmq']);
    // Two gateway replicas cannot share a host port: nginx, published once, spreads over them.
    expect(service('gateway').ports).toBeUndefined();
    const nginxConf = read('deploy/compose/nginx.conf');
    const listen = /^\s*listen\s+(\d+)\s*;/m.exec(nginxConf);
    expect(containerPortsOf('proxy')).toEqual([Number(listen?.[1])]);
    expect(service('proxy').ports).toEqual(['${GATEWAY_HOST_PORT:-3000}:' + listen?.[1]]);
    const upstream = /set \$gateway_upstream http:\/\/gateway:(\d+);/.exec(nginxConf);
    expect(upstream?.[1]).toBe(environmentOf('gateway')[PORT_VARIABLE.gateway]);
    expect(nginxConf).toMatch(/proxy_pass \$gateway_upstream;/);
    // Docker's DNS, asked again at run time, so a replaced replica is found.
    expect(nginxConf).toMatch(/resolver 127\.0\.0\.11 valid=\d+s/);
    expect(dependenciesOf('proxy')).toEqual({ gateway: { condition: 'service_healthy' } });
    // Mailpit's UI only on this host.
    expect(service('mailpit').ports).toEqual([expect.stringMatching(/^127\.0\.0\.1:/)]);
  });

  it('no secret is written in the file: passwords and the JWT secret are required ${...} interpolations', () => {
    const secrets: Array<[string, string]> = [
      ['gateway', JWT_SECRET],
      ['identity', ADMIN_PASSWORD],
      ['postgres', 'POSTGRES_PASSWORD'],
    ];
    // The broker's user comes from the `rabbitmq-user` config, filled in from .env.
    const brokerUsers = JSON.parse(compose.configs?.['rabbitmq-user']?.content ?? '{}') as { users?: Array<{ name: string; password: string }> };
    expect(brokerUsers.users).toEqual([
      expect.objectContaining({ name: expect.stringMatching(/^\$\{RABBITMQ_USER:\?/), password: expect.stringMatching(/^\$\{RABBITMQ_PASSWORD:\?[^}]+\}$/) }),
    ]);
    for (const [name, variable] of secrets) expect({ name, variable, value: environmentOf(name)[variable] }).toEqual({ name, variable, value: expect.stringMatching(REQUIRED_INTERPOLATION) });
    // The same secrets anywhere else (any service), and passwords inside connection URLs.
    const secretNames = new Set([JWT_SECRET, ADMIN_PASSWORD, 'POSTGRES_PASSWORD', 'RABBITMQ_DEFAULT_PASS']);
    for (const name of Object.keys(services)) {
      for (const [variable, value] of Object.entries(environmentOf(name))) {
        if (secretNames.has(variable)) expect({ name, variable, value }).toEqual({ name, variable, value: expect.stringMatching(REQUIRED_INTERPOLATION) });
        const url = connectionUrl(value);
        if (url) expect({ name, variable, password: url.password }).toEqual({ name, variable, password: expect.stringMatching(INTERPOLATION) });
      }
    }
  });

  it('every ${VAR} of the compose file is in .env.example with a comment, and .env.example lists nothing else', () => {
    const used = new Set(allStrings(compose).flatMap(interpolatedVariables));
    expect(used.size).toBeGreaterThan(0);
    const lines = read('.env.example').split('\n');
    const listed = new Map<string, number>();
    lines.forEach((line, index) => {
      const match = /^([A-Za-z_][A-Za-z0-9_]*)=/.exec(line);
      if (match) listed.set(match[1], index);
    });
    expect([...listed.keys()].sort()).toEqual([...used].sort());
    for (const [variable, index] of listed) {
      expect({ variable, comment: (lines[index - 1] ?? '').trim().startsWith('#') }).toEqual({ variable, comment: true });
    }
  });

  it('the Dockerfile builds in one stage (npm ci, build, prune) and runs dist/, node_modules and package.json copied from it, as user node', () => {
    const stages = dockerfileStages();
    const runs = (stage: Instruction[]) => stage.filter((i) => i.keyword === 'RUN').map((i) => i.args).join('\n');
    const stageName = (stage: Instruction[]) => /\bAS\s+(\S+)/i.exec(stage[0].args)?.[1] ?? `#${stages.indexOf(stage)}`;
    // Every stage that installs or compiles is a build stage; there must be exactly one, and it is not the last.
    const npmWork = /\bnpm (ci|install|i|run build|prune)\b/;
    const builders = stages.filter((stage) => npmWork.test(runs(stage))).map(stageName);
    expect(builders).toEqual([stageName(stages[0])]);
    expect(stages.length).toBe(2);
    const builder = stages[0];
    const builderRuns = runs(builder);
    expect(builderRuns).toMatch(/\bnpm ci\b/);
    expect(builderRuns).toMatch(/\bnpm run build\b/);
    expect(builderRuns).toMatch(/\bnpm prune\b.*(--omit=dev|--production)/);
    const builderName = stageName(builder);

    const final = stages[stages.length - 1];
    expect(final[0].args).toMatch(/^node:20-slim\b/);
    const users = final.filter((i) => i.keyword === 'USER').map((i) => i.args.trim());
    expect(users.at(-1)).toBe('node');
    const copies = final.filter((i) => i.keyword === 'COPY' || i.keyword === 'ADD');
    for (const copy of copies) expect(copy.args).toMatch(new RegExp(`--from=${builderName}\\b`));
    // The compose command's relative dist/... path resolves against WORKDIR, so each lands right there.
    const workdir = final.filter((i) => i.keyword === 'WORKDIR').at(-1)?.args ?? '/';
    expect(workdir).toBe('/app');
    const copied = copies.flatMap((copy) => {
      const parts = copy.args.split(/\s+/).filter((part) => !part.startsWith('--'));
      const destination = posix.resolve(workdir, parts[parts.length - 1]);
      return parts.slice(0, -1).map((source) => {
        const from = posix.relative('/app', posix.resolve('/app', source));
        const to = parts[parts.length - 1].endsWith('/') ? posix.join(destination, posix.basename(from)) : destination;
        return `${from} -> ${to}`;
      });
    });
    expect(copied.sort()).toEqual(['dist -> /app/dist', 'node_modules -> /app/node_modules', 'package.json -> /app/package.json']);
  });

  it('the image runs the services with source-mapped stack traces, as the start script does', () => {
    expect(read('scripts/start-suite.js')).toContain(`'--enable-source-maps'`);
    const env = dockerfileStages().at(-1)!.filter((i) => i.keyword === 'ENV').map((i) => i.args);
    expect(env.join('\n')).toMatch(/^NODE_OPTIONS=("?)--enable-source-maps\1$/m);
    // A compose environment that set NODE_OPTIONS would replace the image's.
    for (const name of ['identity', 'tickets', 'portal', 'gateway']) expect({ name, options: environmentOf(name).NODE_OPTIONS }).toEqual({ name, options: undefined });
  });

  it('the build stage copies every file of the repository that `npm run build` names', () => {
    const scripts = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts;
    const named = `${scripts.build} ${scripts['build:web']}`.split(/\s+/).filter((word) => /^[\w.-]+(\/[\w.-]+)*\.(json|mjs|cjs|js|mts|ts)$/.test(word));
    // The scan must find what the build is known to read, else it would approve anything.
    expect(named).toEqual(expect.arrayContaining(['tsconfig.build.json', 'scripts/bundle-services.mjs']));
    const copied = dockerfileStages()[0]
      .filter((i) => i.keyword === 'COPY')
      .flatMap((copy) => copy.args.split(/\s+/).filter((part) => !part.startsWith('--')).slice(0, -1))
      .map((source) => posix.relative('/app', posix.resolve('/app', source)));
    for (const file of named) {
      expect({ file, copied: copied.some((source) => file === source || file.startsWith(`${source}/`)) }).toEqual({ file, copied: true });
    }
  });

  it('.dockerignore keeps local state and secrets out of the build context', () => {
    const entries = read('.dockerignore')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'));
    expect(entries).toEqual(expect.arrayContaining(['node_modules', 'dist', '.git', '.run', '*.log', '.env']));
  });
});

// ---------------------------------------------------------------------------------------------------
// A small production on one host: replicas, limits, volumes, and RabbitMQ with quorum queues.

const ALL_SERVICES = Object.keys(services);

interface BrokerDefinitions {
  vhosts: Array<{ name: string; default_queue_type?: string; metadata?: { default_queue_type?: string } }>;
  exchanges: Array<{ name: string; vhost: string; type: string; durable: boolean; auto_delete: boolean }>;
  queues: Array<{ name: string; vhost: string; durable: boolean; auto_delete: boolean; arguments: Record<string, unknown> }>;
  bindings: Array<{ source: string; vhost: string; destination: string; destination_type: string; routing_key: string }>;
}

/** `./host/path:/container/path[:ro]` bind mounts of a service (named volumes left out). */
const bindMountsOf = (name: string): Array<{ source: string; target: string; readOnly: boolean }> =>
  (service(name).volumes ?? []).flatMap((volume) => {
    if (typeof volume !== 'string') return volume.type === 'bind' ? [{ source: volume.source ?? '', target: volume.target ?? '', readOnly: volume.read_only === true }] : [];
    const [source, target, mode] = volume.split(':');
    return source.startsWith('.') || source.startsWith('/') ? [{ source, target, readOnly: mode === 'ro' }] : [];
  });

describe('docker-compose.yml runs a small production', () => {
  it('tickets and the gateway run two replicas each; identity one (its first start seeds the administrator)', () => {
    expect(service('tickets').deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service('gateway').deploy?.replicas).toBeGreaterThanOrEqual(2);
    expect(service('identity').deploy?.replicas ?? 1).toBe(1);
    // A replicated service can neither publish a fixed host port nor name its container.
    for (const name of ALL_SERVICES.filter((candidate) => (service(candidate).deploy?.replicas ?? 1) > 1)) {
      expect({ name, ports: service(name).ports ?? [] }).toEqual({ name, ports: [] });
      expect({ name, containerName: (service(name) as { container_name?: string }).container_name }).toEqual({ name, containerName: undefined });
    }
  });

  it.each(ALL_SERVICES)('%s has a healthcheck and resource limits', (name) => {
    expect(healthcheckOf(name)).toMatch(/^CMD /);
    const limits = service(name).deploy?.resources?.limits;
    expect({ name, cpus: Number(limits?.cpus) > 0, memory: limits?.memory }).toEqual({ name, cpus: true, memory: expect.stringMatching(/^\d+[MG]$/) });
  });

  it('keeps PostgreSQL and RabbitMQ data on named volumes, and mounts every file of the repository read-only', () => {
    const declared = Object.keys(compose.volumes ?? {});
    expect(service('postgres').volumes).toContain('postgres-data:/var/lib/postgresql/data');
    expect(service('rabbitmq').volumes).toContain('rabbitmq-data:/var/lib/rabbitmq');
    expect(declared.sort()).toEqual(['postgres-data', 'rabbitmq-data']);
    for (const name of ALL_SERVICES) {
      for (const mount of bindMountsOf(name)) {
        expect({ name, ...mount, exists: existsSync(join(ROOT, mount.source)) }).toEqual({ name, ...mount, exists: true, readOnly: true });
      }
    }
  });

  it('Mailpit starts only with the dev profile; everything else always', () => {
    expect(service('mailpit').profiles).toEqual(['dev']);
    for (const name of ALL_SERVICES.filter((candidate) => candidate !== 'mailpit')) expect({ name, profiles: service(name).profiles }).toEqual({ name, profiles: undefined });
  });

  it('every Node service declares quorum queues (AMQP_QUEUE_TYPE), a value the settings accept', () => {
    for (const name of NODE_SERVICES) {
      const value = environmentOf(name).AMQP_QUEUE_TYPE;
      expect({ name, value }).toEqual({ name, value: 'quorum' });
      expect(readSettings({ AMQP_QUEUE_TYPE: value }).amqpQueueType).toBe('quorum');
      expect(isQueueType(value)).toBe(true);
    }
  });

  describe('RabbitMQ loads its definitions at boot', () => {
    const conf = read('deploy/compose/rabbitmq.conf');
    const settingOf = (key: string) => new RegExp(`^${key.replace(/\./g, '\\.')}\\s*=\\s*(\\S+)`, 'm').exec(conf)?.[1];
    const definitionsDir = settingOf('definitions.local.path') ?? '';
    const definitions = JSON.parse(read('deploy/compose/rabbitmq-definitions.json')) as BrokerDefinitions;

    it('rabbitmq.conf imports every file of one directory, where the compose file mounts the definitions and the user', () => {
      expect(settingOf('definitions.import_backend')).toBe('local_filesystem');
      expect(definitionsDir).toMatch(/^\/etc\/rabbitmq\/\S+/);
      expect(bindMountsOf('rabbitmq')).toEqual(
        expect.arrayContaining([
          { source: './deploy/compose/rabbitmq.conf', target: expect.stringMatching(/^\/etc\/rabbitmq\/conf\.d\/[\w-]+\.conf$/), readOnly: true },
          { source: './deploy/compose/rabbitmq-definitions.json', target: expect.stringMatching(new RegExp(`^${definitionsDir}/[\\w-]+\\.json$`)), readOnly: true },
        ]),
      );
      const userConfig = (service('rabbitmq').configs ?? []).find((config) => typeof config === 'object' && config.source === 'rabbitmq-user');
      expect(userConfig).toEqual({ source: 'rabbitmq-user', target: expect.stringMatching(new RegExp(`^${definitionsDir}/[\\w-]+\\.json$`)) });
      // Definitions imported at boot replace the default user: these would do nothing.
      expect(Object.keys(environmentOf('rabbitmq')).filter((variable) => variable.startsWith('RABBITMQ_DEFAULT_'))).toEqual([]);
    });

    it('the vhost makes quorum queues by default, and holds the events exchange', () => {
      expect(definitions.vhosts).toEqual([expect.objectContaining({ name: '/', default_queue_type: 'quorum', metadata: expect.objectContaining({ default_queue_type: 'quorum' }) })]);
      expect(definitions.exchanges).toEqual([expect.objectContaining({ name: EVENTS_EXCHANGE, vhost: '/', type: 'topic', durable: true, auto_delete: false })]);
    });

    it('declares exactly the queues the services declare with AMQP_QUEUE_TYPE=quorum and the default retry delays, with the same arguments', () => {
      // A queue whose arguments differ from a service's declaration stops that service (PRECONDITION_FAILED).
      const expected: Record<string, Record<string, unknown>> = {};
      for (const service of ['identity', 'tickets', 'portal']) expected[`${service}.rpc`] = rpcQueueOptions('quorum').arguments ?? {};
      for (const service of Object.keys(EVENT_SUBSCRIPTIONS)) {
        const queue = eventQueueOf(service);
        expected[queue] = durableQueueOptions('quorum').arguments ?? {};
        expected[deadLetterQueueOf(queue)] = durableQueueOptions('quorum').arguments ?? {};
        for (const delay of readSettings({}).busRetryDelaysMs) expected[retryQueueOf(queue, delay)] = deadLetteringQueueOptions('quorum', delay, queue).arguments ?? {};
      }
      const declared = Object.fromEntries(definitions.queues.map((queue) => [queue.name, queue.arguments]));
      expect(declared).toEqual(expected);
      for (const queue of definitions.queues) expect(queue).toMatchObject({ vhost: '/', durable: true, auto_delete: false });
    });

    it('binds each service queue to exactly the event types it subscribes to', () => {
      const bound = (queue: string) =>
        definitions.bindings
          .filter((binding) => binding.destination === queue)
          .map((binding) => {
            expect(binding).toMatchObject({ source: EVENTS_EXCHANGE, vhost: '/', destination_type: 'queue' });
            return binding.routing_key;
          })
          .sort();
      for (const [service, types] of Object.entries(EVENT_SUBSCRIPTIONS)) expect({ service, types: bound(eventQueueOf(service)) }).toEqual({ service, types: [...types].sort() });
      const destinations = new Set(definitions.bindings.map((binding) => binding.destination));
      expect([...destinations].sort()).toEqual(Object.keys(EVENT_SUBSCRIPTIONS).map(eventQueueOf).sort());
    });

    it('the user definitions give the .env user every permission on the vhost, in a vhost entry like the topology one', () => {
      const users = JSON.parse(compose.configs?.['rabbitmq-user']?.content ?? '{}') as {
        vhosts: BrokerDefinitions['vhosts'];
        users: Array<{ name: string; tags: string[] }>;
        permissions: Array<Record<string, string>>;
      };
      // Same vhost entry in both files: whichever is imported last leaves the default queue type.
      expect(users.vhosts).toEqual(definitions.vhosts);
      expect(users.permissions).toEqual([{ user: users.users[0].name, vhost: '/', configure: '.*', write: '.*', read: '.*' }]);
    });
  });
});
