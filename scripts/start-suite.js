#!/usr/bin/env node
// Starts the built suite as plain processes: every service with its log lines prefixed, waits until
// each /health answers 200, then prints the gateway URL and where the administrator password is.
// `node scripts/start-suite.js --only identity` starts one service alone (or a list: identity,gateway).
// Supervises them: a service that dies is restarted alone, with exponential back-off; the suite stops
// only on SIGINT/SIGTERM (or when the first start is not healthy within START_TIMEOUT_MS).
'use strict';
const { spawn } = require('node:child_process');
const { resolve } = require('node:path');
const { existsSync } = require('node:fs');
const readline = require('node:readline');

const env = process.env;
const SERVICES = [
  { name: 'identity', port: Number(env.IDENTITY_PORT || 3001), color: 36 },
  { name: 'tickets', port: Number(env.TICKETS_PORT || 3002), color: 33 },
  { name: 'portal', port: Number(env.PORTAL_PORT || 3003), color: 35 },
  { name: 'gateway', port: Number(env.PORT || 3000), color: 32 },
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

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? String(process.argv[onlyIndex + 1] || '').split(',') : null;
const chosen = only ? SERVICES.filter((s) => only.includes(s.name)) : SERVICES;
if (chosen.length === 0 || (only && chosen.length !== only.length)) {
  console.error(`--only takes a comma-separated list of: ${SERVICES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const children = new Map();
/** Per service: restarts in a row (reset once it stays up), the pending restart timer. */
const restarts = new Map(chosen.map((s) => [s.name, { attempt: 0, timer: null }]));
let stopping = false;
let ready = false;
const startedAt = Date.now();

function label(service) {
  const tag = `[${service.name}]`.padEnd(11);
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
  const profile = env.CPU_PROF_DIR ? ['--cpu-prof', `--cpu-prof-dir=${resolve(env.CPU_PROF_DIR)}`, `--cpu-prof-name=${service.name}.${Date.now()}.cpuprofile`] : [];
  const child = spawn(process.execPath, ['--enable-source-maps', ...profile, entry], {
    cwd: root,
    // Two malloc arenas instead of up to 8 per core: argon2 allocates 19 MiB per hash on libuv's
    // threads, and each thread's arena kept such blocks once freed (identity: ~20 MiB less resident).
    env: { MALLOC_ARENA_MAX: '2', ...env, ...(tty ? {} : { NO_COLOR: '1' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const spawnedAt = Date.now();
  const state = restarts.get(service.name);
  // The pid in the log lets an operator (and the supervision test) find the process.
  console.log(`${label(service)} started (pid ${child.pid}${state.attempt ? `, restart attempt ${state.attempt}` : ''})`);
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label(service)} ${pretty ? pretty(line) : line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
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
        if (ready) void reportHealthy(service, children.get(service.name));
      }
    }, delay);
  });
  children.set(service.name, child);
}

/** After a restart once the suite was ready: says when the service answers /health again. */
async function reportHealthy(service, child) {
  const since = Date.now();
  while (!stopping && children.get(service.name) === child) {
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
      console.error(`not healthy after ${START_TIMEOUT_MS} ms (START_TIMEOUT_MS): ${[...pending].map((s) => s.name).join(', ')}; stopping the suite`);
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
  const gateway = SERVICES.find((s) => s.name === 'gateway');
  const password = env.ADMIN_PASSWORD
    ? 'the ADMIN_PASSWORD you set'
    : `printed once in the identity log on first start, and kept in ${resolve(root, env.ADMIN_PASSWORD_FILE || '.run/admin-password')}`;
  ready = true;
  console.log(`\nSuite ready in ${Date.now() - startedAt} ms.`);
  if (chosen.includes(gateway)) console.log(`Gateway: http://127.0.0.1:${gateway.port}/api`);
  console.log(`Administrator: ${env.ADMIN_USERNAME || 'admin'}; password: ${password}.`);
}

// A second signal while stopping kills at once (an impatient Ctrl-C).
const onSignal = () => {
  if (!stopping) return stop(0);
  for (const child of children.values()) child.kill('SIGKILL');
};
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);
chosen.forEach(start);
void waitUntilHealthy();
