import { readdirSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The pid of the identity process of one run: the `dist/apps/identity/src/main.js` process whose
 * environment names that run's identity database (other suites may be running beside it).
 */
export function findIdentityPid(identityDb: string): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const command = readFileSync(`/proc/${entry}/cmdline`, 'utf8');
      if (!command.includes('dist/apps/identity/src/main.js')) continue;
      if (readFileSync(`/proc/${entry}/environ`, 'utf8').split('\0').includes(`IDENTITY_DB=${identityDb}`)) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error(`no identity process for database ${identityDb}`);
}

/** VmHWM (peak resident set since start or since the last `resetPeak`) and VmRSS of a process, in MiB. */
export function memoryOf(pid: number): { peakMiB: number; rssMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kib = (name: string) => Number(new RegExp(`^${name}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { peakMiB: kib('VmHWM') / 1024, rssMiB: kib('VmRSS') / 1024 };
}

/** Sets VmHWM back to the current resident set (Linux: `5` written to clear_refs), so the next peak is of what follows. */
export function resetPeak(pid: number): void {
  writeFileSync(`/proc/${pid}/clear_refs`, '5');
}
