import { readFileSync } from 'node:fs';

/**
 * How busy the whole machine was over a stretch of load, from /proc/stat's first line: the share of
 * all cores' time not idle and not waiting for I/O. A side well under the others' share waited on
 * its hops rather than on the CPU, which CPU per request alone does not show (docs/BENCHMARKS.md).
 * Linux only; elsewhere it reports nothing.
 */
export interface MachineTicks {
  busy: number;
  total: number;
}

export function machineTicks(): MachineTicks | null {
  try {
    // cpu user nice system idle iowait irq softirq steal ...
    const fields = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/).slice(1).map(Number);
    const total = fields.reduce((sum, ticks) => sum + ticks, 0);
    return { busy: total - fields[3] - (fields[4] ?? 0), total };
  } catch {
    return null;
  }
}

/** The ticks between two readings; null when either is missing. */
export function ticksBetween(before: MachineTicks | null, after: MachineTicks | null): MachineTicks | null {
  return before && after ? { busy: after.busy - before.busy, total: after.total - before.total } : null;
}

/** Percent of the machine busy over a stretch of ticks; null when there are none. */
export function busyPercent(ticks: MachineTicks | null): number | null {
  return ticks && ticks.total > 0 ? Number(((100 * ticks.busy) / ticks.total).toFixed(1)) : null;
}
