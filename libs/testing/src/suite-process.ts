import { readFileSync } from 'node:fs';
import { ChildProcess, spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { TestEnvironment } from './test-environment';

const ROOT = resolve(__dirname, '../../..');

/** A running suite (or part of it), started exactly as the README's start command starts it. */
export interface SuiteProcess {
  /** Milliseconds from spawning to every chosen service healthy, as the start script measured. */
  readyMs: number;
  /** The start script's process id; the services are its children. */
  pid: number;
  logs(): string;
  stop(): Promise<void>;
  /** Closes the channel to the start script, as this process dying without stopping it would. */
  abandon(): void;
}

/**
 * Runs `node scripts/start-suite.js` on the built code (`npm test` builds first) with the test
 * environment, and resolves when it prints that the suite is ready.
 */
export function startSuite(environment: TestEnvironment, services?: string[], timeoutMs = 90_000): Promise<SuiteProcess> {
  const args = [resolve(ROOT, 'scripts/start-suite.js'), ...(services ? ['--only', services.join(',')] : [])];
  // With a channel: should this process die without stopping the suite, the script stops it.
  const child: ChildProcess = spawn(process.execPath, args, { cwd: ROOT, env: { ...process.env, ...environment.env }, stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  child.channel?.unref();
  let output = '';
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolvePromise, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`the suite was not ready after ${timeoutMs} ms:\n${output.slice(-5000)}`));
    }, timeoutMs);
    let readyMs: number | null = null;
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      // Once ready, only keep the output: scanning the whole of it again on every chunk costs this
      // process (which also runs the benchmarks' load generator) more the longer the suite logs.
      if (readyMs !== null) return;
      const ready = /Suite ready in (\d+) ms/.exec(output);
      if (ready) {
        readyMs = Number(ready[1]);
        clearTimeout(timer);
        resolvePromise({ readyMs, pid: child.pid!, logs: () => output, stop, abandon: () => child.disconnect() });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the suite exited (${code}) before it was ready:\n${output.slice(-5000)}`));
    });
  });
}

/** Whether a process runs: alive and not a zombie waiting to be reaped. */
export function isRunning(pid: number): boolean {
  try {
    return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return false;
  }
}

/**
 * The pids the start script printed for one process, in start order (a restart adds one): `key` is
 * the service's name, or `tickets#2` for the second of several (`--instances`, <SERVICE>_INSTANCES).
 */
export function startedPids(logs: string, key: string): number[] {
  const escaped = key.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return [...logs.matchAll(new RegExp(`^\\[${escaped}\\]\\s+started \\(pid (\\d+)`, 'gm'))].map((match) => Number(match[1]));
}

/** The lines one process logged (the start script prefixes each with `[key]`), prefix removed. */
export function linesOf(logs: string, key: string): string[] {
  const prefix = `[${key}]`;
  return logs
    .split('\n')
    .filter((line) => line.startsWith(prefix) && /\s/.test(line.charAt(prefix.length)))
    .map((line) => line.slice(prefix.length).trimStart());
}
