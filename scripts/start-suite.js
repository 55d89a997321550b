#!/usr/bin/env node
// Starts the built suite as plain processes: every service with its log lines prefixed, waits until
// each /health answers 200, then prints the gateway URL and where the administrator password is.
// `node scripts/start-suite.js --only identity` starts one service alone (or a list: identity,gateway).
// `--instances tickets=2,gateway=2` (or TICKETS_INSTANCES=2, GATEWAY_INSTANCES=2...) runs several
// processes of a service (DESIGN.md section 10, scale-out): each on its own port, PORT+1, PORT+2...
// or the list in <SERVICE>_PORTS (GATEWAY_PORTS=3000,3010); their log lines say [tickets#2].
// Supervises them: a process that dies is restarted alone, with exponential back-off; the suite stops
// only on SIGINT/SIGTERM (or when the first start is not healthy within START_TIMEOUT_MS).
'use strict';
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');
const { existsSync } = require('node:fs');
const readline = require('node:readline');

const env = process.env;
// LDAP directories' bind passwords are encrypted with LDAP_SECRET_KEY. Outside production a fixed
// development key stands in when none is given, so a directory configured locally still decrypts
// after a restart; production sets its own (docker-compose .env, deploy secrets) or has no LDAP.
const DEVELOPMENT_LDAP_SECRET_KEY = 'ZGV2ZWxvcG1lbnQtb25seS1sZGFwLWtleS0zMmJ5dGU=';
if (!env.LDAP_SECRET_KEY && env.NODE_ENV !== 'production') {
  env.LDAP_SECRET_KEY = DEVELOPMENT_LDAP_SECRET_KEY;
  console.log('LDAP_SECRET_KEY not set: using the fixed development key (never in production; set your own: openssl rand -base64 32)');
}
/** Each service and the variable its process reads its HTTP port from (the gateway's API, the others' /health). */
const SERVICES = [
  { name: 'identity', portVariable: 'IDENTITY_PORT', defaultPort: 3001, color: 36 },
  { name: 'tickets', portVariable: 'TICKETS_PORT', defaultPort: 3002, color: 33 },
  { name: 'portal', portVariable: 'PORTAL_PORT', defaultPort: 3003, color: 35 },
  { name: 'gateway', portVariable: 'PORT', defaultPort: 3000, color: 32 },
];
const START_TIMEOUT_MS = Number(env.START_TIMEOUT_MS || 120000);
// Restart back-off: RESTART_DELAY_MS doubling per attempt up to RESTART_MAX_DELAY_MS; a service that
// stayed up RESTART_RESET_MS starts again from the first delay. Stopping waits STOP_TIMEOUT_MS, then kills.
const RESTART_DELAY_MS = Number(env.RESTART_DELAY_MS || 250);
const RESTART_MAX_DELAY_MS = Number(env.RESTART_MAX_DELAY_MS || 10000);
const RESTART_RESET_MS = Number(env.RESTART_RESET_MS || 30000);
const STOP_TIMEOUT_MS = Number(env.STOP_TIMEOUT_MS || 10000);
const root = resolve(__dirname, '..');
const tty = process.stdout.isTTY;
// The services write JSON lines (pino); people at a terminal read them through pino-pretty
// (PRETTY_LOGS=1 asks for it elsewhere, PRETTY_LOGS=0 keeps the JSON at a terminal too).
const pretty = env.PRETTY_LOGS === '1' || (env.PRETTY_LOGS !== '0' && tty) ? prettyPrinter() : null;

function prettyPrinter() {
  const format = require('pino-pretty').prettyFactory({ colorize: tty, translateTime: 'SYS:HH:MM:ss.l', ignore: 'pid,hostname,service', singleLine: true });
  return (line) => (line.startsWith('{') ? format(line).replace(/\n$/, '') : line);
}

const argument = (flag) => {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? String(process.argv[index + 1] || '') : null;
};
const fail = (message) => {
  console.error(message);
  process.exit(2);
};

const onlyArgument = argument('--only');
const only = onlyArgument === null ? null : onlyArgument.split(',');
const chosenServices = only ? SERVICES.filter((s) => only.includes(s.name)) : SERVICES;
if (chosenServices.length === 0 || (only && chosenServices.length !== only.length)) {
  fail(`--only takes a comma-separated list of: ${SERVICES.map((s) => s.name).join(', ')}`);
}

/** How many processes of each service: `--instances tickets=2,gateway=2`, else <SERVICE>_INSTANCES, else 1. */
function instanceCounts() {
  const counts = Object.fromEntries(SERVICES.map((s) => [s.name, env[`${s.name.toUpperCase()}_INSTANCES`] || '1']));
  const given = argument('--instances');
  for (const pair of given ? given.split(',') : []) {
    const [name, count] = pair.split('=');
    if (!(name in counts)) fail(`--instances takes service=count pairs, services: ${SERVICES.map((s) => s.name).join(', ')}`);
    counts[name] = count;
  }
  for (const [name, count] of Object.entries(counts)) {
    if (!/^[1-9]\d?$/.test(String(count))) fail(`the instance count of ${name} must be a whole number from 1 to 99, not "${count}"`);
    counts[name] = Number(count);
  }
  return counts;
}

/** The ports of a service's `count` processes: <SERVICE>_PORTS (a list), else its port and the ones after it. */
function portsOf(service, count) {
  const list = env[`${service.name.toUpperCase()}_PORTS`];
  const ports = list ? list.split(',').map((p) => Number(p.trim())) : [];
  if (list && (ports.length < count || ports.some((p) => !Number.isInteger(p) || p <= 0 || p > 65535))) {
    fail(`${service.name.toUpperCase()}_PORTS must list at least ${count} ports, not "${list}"`);
  }
  const first = Number(env[service.portVariable] || service.defaultPort);
  return list ? ports.slice(0, count) : Array.from({ length: count }, (_, k) => first + k);
}

/**
 * One entry per process to run: `key` names it in the log ([tickets] alone, [tickets#1], [tickets#2]
 * when there are several) and in SERVICE_INSTANCE, `port` is the one it listens on.
 */
const counts = instanceCounts();
const chosen = chosenServices.flatMap((service) =>
  portsOf(service, counts[service.name]).map((port, k) => ({
    ...service,
    key: counts[service.name] > 1 ? `${service.name}#${k + 1}` : service.name,
    port,
  })),
);

const children = new Map();
/** Per process: restarts in a row (reset once it stays up), the pending restart timer. */
const restarts = new Map(chosen.map((s) => [s.key, { attempt: 0, timer: null }]));
let stopping = false;
let ready = false;
const startedAt = Date.now();

function label(service) {
  const tag = `[${service.key}]`.padEnd(11);
  return tty ? `\x1b[${service.color}m${tag}\x1b[0m` : tag;
}

/** The delay before restart `attempt` (1, 2, ...): doubling from RESTART_DELAY_MS, capped. */
function backoff(attempt) {
  return Math.min(RESTART_DELAY_MS * 2 ** (attempt - 1), RESTART_MAX_DELAY_MS);
}

function start(service) {
  if (stopping) return;
  const entry = resolve(root, 'dist/apps', service.name, 'src/main.js');
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run \`npm run build\` first (npm start does).`);
    return stop(1);
  }
  // CPU_PROF_DIR: each service writes a V8 CPU profile there when it exits (node refuses --cpu-prof in NODE_OPTIONS).
  const profile = env.CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(env.CPU_PROF_DIR)}`, `--cpu-prof-name=${service.key.replace('#', '-')}.${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...profile, entry], {
    cwd: root,
    // glibc's own malloc arenas (no MALLOC_ARENA_MAX=2 any more): with two, argon2's 19 MiB per hash
    // on four libuv threads went back to the kernel and came again on every login, which cost a third
    // of identity's logins per second (docs/BENCHMARKS.md) for ~20 MiB less resident.
    env: { ...env, ...(tty ? {} : { NO_COLOR: '1' }), [service.portVariable]: String(service.port), SERVICE_INSTANCE: service.key },
    // The channel tells the service when this script is gone, however it went: it then stops itself
    // (libs/service-kit/src/shutdown/stop-with-supervisor.ts) instead of running on, unsupervised.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const spawnedAt = Date.now();
  const state = restarts.get(service.key);
  // The pid in the log lets an operator (and the supervision test) find the process.
  console.log(`${label(service)} started (pid ${child.pid}${state.attempt ? `, restart attempt ${state.attempt}` : ''})`);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label(service)} ${pretty ? pretty(line) : line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service.key);
    if (stopping) {
      if (children.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    const upMs = Date.now() - spawnedAt;
    if (upMs >= RESTART_RESET_MS) state.attempt = 0;
    state.attempt += 1;
    const delay = backoff(state.attempt);
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    const when = ready ? '' : ' before the suite was ready';
    console.error(`${label(service)} died (pid ${child.pid}, ${how}) after ${upMs} ms${when}; restart attempt ${state.attempt} in ${delay} ms`);
    state.timer = setTimeout(() => {
      state.timer = null;
      if (!stopping) {
        start(service);
        if (ready) void reportHealthy(service, children.get(service.key));
      }
    }, delay);
  });
  children.set(service.key, child);
}

/** After a restart once the suite was ready: says when the service answers /health again. */
async function reportHealthy(service, child) {
  const since = Date.now();
  while (!stopping && children.get(service.key) === child) {
    if (await healthy(service)) {
      console.log(`${label(service)} healthy again (pid ${child.pid}) ${Date.now() - since} ms after its restart`);
      return;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Stops every child: SIGTERM, then SIGKILL for those still running after STOP_TIMEOUT_MS. */
function stop(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  for (const state of restarts.values()) if (state.timer) clearTimeout(state.timer);
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const [name, child] of children) {
      console.error(`[${name}] still running ${STOP_TIMEOUT_MS} ms after SIGTERM (pid ${child.pid}): SIGKILL`);
      child.kill('SIGKILL');
    }
  }, STOP_TIMEOUT_MS).unref();
}

async function healthy(service) {
  try {
    const response = await fetch(`http://127.0.0.1:${service.port}/health`, { signal: AbortSignal.timeout(2000) });
    return response.status === 200;
  } catch {
    return false;
  }
}

async function waitUntilHealthy() {
  const pending = new Set(chosen);
  while (pending.size > 0) {
    if (stopping) return;
    if (Date.now() - startedAt > START_TIMEOUT_MS) {
      // A service that cannot even start (bad settings, no database) is not retried for ever: the
      // caller (an operator, the test kit) sees an exit before "Suite ready".
      console.error(`not healthy after ${START_TIMEOUT_MS} ms (START_TIMEOUT_MS): ${[...pending].map((s) => s.key).join(', ')}; stopping the suite`);
      return stop(1);
    }
    for (const service of [...pending]) {
      if (await healthy(service)) {
        pending.delete(service);
        console.log(`${label(service)} healthy after ${Date.now() - startedAt} ms`);
      }
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  const gateways = chosen.filter((s) => s.name === 'gateway');
  const password = env.ADMIN_PASSWORD
    ? 'the ADMIN_PASSWORD you set'
    : `printed once in the identity log on first start, and kept in ${resolve(root, env.ADMIN_PASSWORD_FILE || '.run/admin-password')}`;
  ready = true;
  console.log(`\nSuite ready in ${Date.now() - startedAt} ms.`);
  for (const gateway of gateways) console.log(`Gateway${gateways.length > 1 ? ` ${gateway.key}` : ''}: http://127.0.0.1:${gateway.port}/api`);
  console.log(`Administrator: ${env.ADMIN_USERNAME || 'admin'}; password: ${password}.`);
}

// A second signal while stopping kills at once (an impatient Ctrl-C).
const onSignal = () => {
  if (!stopping) return stop(0);
  for (const child of children.values()) child.kill('SIGKILL');
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
// Whoever ran this script is gone: its output goes nowhere (EPIPE), or the channel of a parent that
// gave one (the test kit, libs/testing/src/suite-process.ts) closed. The services go with it.
for (const stream of [process.stdout, process.stderr]) stream.on('error', () => stop(1));
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => stop(1));
}
chosen.forEach(start);
void waitUntilHealthy();
