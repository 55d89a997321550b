import { cpus, loadavg, totalmem } from 'node:os';

/** What the figures were measured on: they mean little without it (the dev machine is shared). */
export interface Machine {
  cpuModel: string;
  cores: number;
  memoryGiB: number;
  node: string;
  /** 1-minute load average when the benchmark ended: other people's work shows here. */
  loadAverage1m: number;
  date: string;
}

export function machine(): Machine {
  const list = cpus();
  return {
    cpuModel: list[0]?.model ?? 'unknown',
    cores: list.length,
    memoryGiB: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    loadAverage1m: Number(loadavg()[0].toFixed(2)),
    date: new Date().toISOString(),
  };
}
