import { ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';

export interface Floor {
  url: string;
  /** The two processes, by the part cpu-split reports them as. */
  pids: Record<string, number>;
  close(): Promise<void>;
}

/** One process of the floor, run as TypeScript, resolved once it prints "ready". */
function run(file: string, args: string[]): Promise<{ child: ChildProcess; ready: string }> {
  const child = spawn(process.execPath, ['-r', 'ts-node/register/transpile-only', join(__dirname, file), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  // A benchmark that dies leaves no floor process behind holding a broker connection.
  process.once('exit', () => child.kill('SIGTERM'));
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const ready = /^ready ?(.*)$/m.exec(output);
      if (ready) resolve({ child, ready: ready[1] });
    });
    child.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
}

const stopped = (child: ChildProcess) => new Promise<void>((resolve) => (child.exitCode !== null ? resolve() : child.once('exit', () => resolve())));

/**
 * The architecture's floor: the read's moving parts alone, hand-written, in two processes as the
 * suite has them (HTTP in, a request over RabbitMQ, one prepared read, the reply back). What the
 * gateway path could reach if authentication, sessions, the ACL, Nest, validation, logs, metrics and
 * traces cost nothing. Given a password hash, POST /login verifies passwords against it the same way
 * (argon2 in the worker, at most as many in flight as requests): the login's floor.
 */
export async function startFloor(amqpUrl: string, databaseUrl: string, passwordHash?: string): Promise<Floor> {
  const queue = `bench.floor.${randomUUID()}`;
  const worker = await run('worker.ts', [amqpUrl, databaseUrl, queue, ...(passwordHash ? [passwordHash] : [])]);
  const front = await run('front.ts', [amqpUrl, queue]).catch(async (error) => {
    worker.child.kill('SIGTERM');
    throw error;
  });
  return {
    url: front.ready,
    pids: { 'floor front': front.child.pid!, 'floor worker': worker.child.pid! },
    async close() {
      for (const { child } of [front, worker]) child.kill('SIGTERM');
      await Promise.all([stopped(front.child), stopped(worker.child)]);
    },
  };
}
