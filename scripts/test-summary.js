#!/usr/bin/env node
// Prints one closing line over jest's JSON results ("N passed, N failed"), and fails when any
// result file is missing or ran no test, so a run that tested nothing cannot pass.
'use strict';
const { readFileSync } = require('node:fs');

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of process.argv.slice(2)) {
  const results = JSON.parse(readFileSync(file, 'utf8'));
  if (results.numTotalTests === 0) {
    console.error(`${file}: no test ran`);
    process.exit(1);
  }
  passed += results.numPassedTests;
  failed += results.numFailedTests;
  skipped += results.numPendingTests + results.numTodoTests;
}
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed > 0 ? 1 : 0);
