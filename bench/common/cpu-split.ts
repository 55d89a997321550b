import { readdirSync, readFileSync } from 'node:fs';

/**
 * CPU time spent by each part of the suite over a stretch of load, read from /proc: a steadier
 * measure than requests per second on a shared machine (another engineer's job takes turns from
 * both sides, but a request still costs the same CPU). Linux only; elsewhere it reports nothing.
 */
export type CpuParts = Record<string, number>;

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

/** Milliseconds of CPU so far, by part: each service of the suite, their PostgreSQL backends, RabbitMQ, and this process. */
export function sampleCpu(suitePid: number, databases: string[]): CpuParts {
  const parts: CpuParts = {};
  const add = (part: string, ticks: number) => (parts[part] = (parts[part] ?? 0) + (ticks * 1000) / TICKS_PER_SECOND);
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return parts;
  }
  for (const pid of pids) {
    const s = stat(pid);
    if (!s) continue;
    const command = cmdline(pid);
    const service = /dist\/apps\/(\w+)\/(?:src\/)?main\.js/.exec(command);
    if (pid === suitePid) add('start script', s.ticks);
    else if (service && s.ppid === suitePid) add(service[1], s.ticks);
    else if (command.startsWith('postgres: ') && databases.some((db) => command.includes(` ${db} `))) add('postgres', s.ticks);
    else if (/beam\.smp/.test(command)) add('rabbitmq', s.ticks);
    else if (pid === process.pid) add('load generator', s.ticks);
  }
  return parts;
}

/** CPU milliseconds per request, by part, between two samples. */
export function cpuPerRequest(before: CpuParts, after: CpuParts, requests: number): CpuParts {
  const perRequest: CpuParts = {};
  for (const part of Object.keys(after)) perRequest[part] = Number((((after[part] ?? 0) - (before[part] ?? 0)) / requests).toFixed(3));
  return perRequest;
}
