import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by each part of the suite over a stretch of load, read from /proc: a steadier
 * measure than requests per second on a shared machine (another engineer's job takes turns from
 * both sides, but a request still costs the same CPU). Linux only; elsewhere it reports nothing.
 */
export type CpuParts = Record<string, number>;

/** CPU milliseconds so far of each process of interest, by process id, with the part it belongs to. */
export type CpuSample = Map<number, { part: string; ms: number }>;

const TICKS_PER_SECOND = 100; // USER_HZ: 100 on every Linux this runs on

function stat(pid: number): { ppid: number; ticks: number } | null {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command (which may hold spaces) in parentheses: state ppid ... utime(14) stime(15).
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return null;
  }
}

function cmdline(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * CPU so far of each service of the suite, their PostgreSQL backends, RabbitMQ, the start script and
 * this process; `others` adds processes of the benchmark's own by part name.
 */
export function sampleCpu(suitePid: number, databases: string[], others: Record<string, number> = {}): CpuSample {
  const otherParts = new Map(Object.entries(others).map(([part, pid]) => [pid, part]));
  const sample: CpuSample = new Map();
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return sample;
  }
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    const add = (part: string, ticks: number) => sample.set(pid, { part, ms: (ticks * 1000) / TICKS_PER_SECOND });
    const command = cmdline(pid);
    const service = /dist\/apps\/(\w+)\/(?:src\/)?main\.js/.exec(command);
    if (otherParts.has(pid)) add(otherParts.get(pid)!, s.ticks);
    else if (pid === suitePid) add('start script', s.ticks);
    else if (service && s.ppid === suitePid) add(service[1], s.ticks);
    else if (command.startsWith('postgres: ') && databases.some((db) => command.includes(` ${db} `))) add('postgres', s.ticks);
    else if (/beam\.smp/.test(command)) add('rabbitmq', s.ticks);
    else if (pid === process.pid) add('load generator', s.ticks);
  }
  return sample;
}

/**
 * CPU milliseconds per request, by part, between two samples, process by process: one that started
 * in between counts from zero, one that ended in between (an idle pool connection closed) is left out.
 */
export function cpuPerRequest(before: CpuSample, after: CpuSample, requests: number): CpuParts {
  const spent: CpuParts = {};
  for (const [pid, { part, ms }] of after) spent[part] = (spent[part] ?? 0) + ms - (before.get(pid)?.ms ?? 0);
  return Object.fromEntries(Object.entries(spent).map(([part, ms]) => [part, Number((ms / requests).toFixed(3))]));
}
