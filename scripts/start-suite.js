#!/usr/bin/env node
// Starts the built suite as plain processes: every service with its log lines prefixed, waits until
// each /health answers 200, then prints the gateway URL and where the administrator password is.
// `node scripts/start-suite.js --only identity` starts one service alone (or a list: identity,gateway).
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
const root = resolve(__dirname, '..');
const tty = process.stdout.isTTY;

const onlyIndex = process.argv.indexOf('--only');
const only = onlyIndex >= 0 ? String(process.argv[onlyIndex + 1] || '').split(',') : null;
const chosen = only ? SERVICES.filter((s) => only.includes(s.name)) : SERVICES;
if (chosen.length === 0 || (only && chosen.length !== only.length)) {
  console.error(`--only takes a comma-separated list of: ${SERVICES.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const children = new Map();
let stopping = false;
const startedAt = Date.now();

function label(service) {
  const tag = `[${service.name}]`.padEnd(11);
  return tty ? `\x1b[${service.color}m${tag}\x1b[0m` : tag;
}

function start(service) {
  const entry = resolve(root, 'dist/apps', service.name, 'src/main.js');
  if (!existsSync(entry)) {
    console.error(`${entry} is missing: run \`npm run build\` first (npm start does).`);
    process.exit(1);
  }
  const child = spawn(process.execPath, ['--enable-source-maps', entry], {
    cwd: root,
    // Two malloc arenas instead of up to 8 per core: argon2 allocates 19 MiB per hash on libuv's
    // threads, and each thread's arena kept such blocks once freed (identity: ~20 MiB less resident).
    env: { MALLOC_ARENA_MAX: '2', ...env, ...(tty ? {} : { NO_COLOR: '1' }) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  for (const stream of [child.stdout, child.stderr]) {
    readline.createInterface({ input: stream }).on('line', (line) => process.stdout.write(`${label(service)} ${line}\n`));
  }
  child.on('exit', (code, signal) => {
    children.delete(service.name);
    if (stopping) {
      if (children.size === 0) process.exit(process.exitCode ?? 0);
      return;
    }
    console.error(`${label(service)} exited (${signal ?? code}); stopping the suite`);
    stop(1);
  });
  children.set(service.name, child);
}

function stop(code) {
  if (stopping) return;
  stopping = true;
  process.exitCode = code;
  if (children.size === 0) process.exit(code);
  for (const child of children.values()) child.kill('SIGTERM');
  setTimeout(() => {
    for (const child of children.values()) child.kill('SIGKILL');
    process.exit(code);
  }, 10000).unref();
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
      console.error(`not healthy after ${START_TIMEOUT_MS} ms: ${[...pending].map((s) => s.name).join(', ')}`);
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
  console.log(`\nSuite ready in ${Date.now() - startedAt} ms.`);
  if (chosen.includes(gateway)) console.log(`Gateway: http://127.0.0.1:${gateway.port}/api`);
  console.log(`Administrator: ${env.ADMIN_USERNAME || 'admin'}; password: ${password}.`);
}

process.on('SIGINT', () => stop(0));
process.on('SIGTERM', () => stop(0));
chosen.forEach(start);
void waitUntilHealthy();
