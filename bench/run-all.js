#!/usr/bin/env node
// npm run bench: every benchmark in turn on the build `npm run bench` just made, each in its own
// process (as `npm run bench:<name>` runs it alone); goes on after a failure and exits 1 if any failed.
// BENCH_ONLY=read,login picks some.
'use strict';
const { spawnSync } = require('node:child_process');
const { resolve } = require('node:path');

const BENCHMARKS = ['acl/acl', 'startup/startup', 'read/read', 'login/login', 'list/list', 'activation/activation'];
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const root = resolve(__dirname, '..');
const failed = [];
for (const path of BENCHMARKS) {
  const name = path.split('/')[0];
  if (only && !only.includes(name)) continue;
  console.log(`\n=== bench:${name} ===`);
  const run = spawnSync(resolve(root, 'node_modules/.bin/ts-node'), ['--transpile-only', '-r', 'tsconfig-paths/register', `bench/${path}.bench.ts`], { cwd: root, stdio: 'inherit' });
  if (run.status !== 0) failed.push(name);
}
console.log(failed.length ? `\nfailed: ${failed.join(', ')}` : '\nevery benchmark ran; figures in bench/results/*.json');
process.exit(failed.length ? 1 : 0);
