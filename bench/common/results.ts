import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { machine } from './machine';

const RESULTS = resolve(__dirname, '../results');

/**
 * Writes bench/results/<name>.json: the figures, the ratios against the same run's baseline, and the
 * machine; prints where it went. Ratios are what to compare between runs, not raw figures.
 */
export function writeResults(name: string, figures: Record<string, unknown>, ratios: Record<string, number | null>): void {
  mkdirSync(RESULTS, { recursive: true });
  const file = resolve(RESULTS, `${name}.json`);
  writeFileSync(file, `${JSON.stringify({ benchmark: name, ratios, figures, machine: machine() }, null, 2)}\n`);
  console.log(`results written to bench/results/${name}.json`);
}

/** `a / b` with two decimals, or null when the baseline is zero. */
export const ratio = (a: number, b: number): number | null => (b > 0 ? Number((a / b).toFixed(2)) : null);
