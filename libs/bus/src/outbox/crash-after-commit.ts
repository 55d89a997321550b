import type { EventEnvelope } from '@app/contracts';
import { readFileSync, rmSync } from 'node:fs';

/** Called after an outbox transaction committed, with the events it wrote, before the relay is woken. */
export type AfterCommitHook = (committed: readonly EventEnvelope[]) => void;

/**
 * A test hook for `npm run test:faults`, never set in production: with `TEST_FAULTS=1` and
 * `TEST_CRASH_AFTER_COMMIT` naming a file that holds this service's name, the next transaction that
 * commits an outbox row deletes the file (so the restarted process does not crash again) and kills
 * its own process with SIGKILL: the commit is durable, the event unpublished, the reply never sent.
 * Without both variables it is null and the outbox does nothing more.
 */
export function crashAfterCommitHook(service: string, env: NodeJS.ProcessEnv = process.env): AfterCommitHook | null {
  const file = env.TEST_CRASH_AFTER_COMMIT;
  if (env.TEST_FAULTS !== '1' || !file) return null;
  return (committed) => {
    if (committed.length === 0 || armedFor(file) !== service) return;
    rmSync(file, { force: true });
    // Written to a pipe, synchronously on Linux: the test reads which events were left unpublished.
    process.stderr.write(`TEST FAULT: exiting after committing ${committed.map((e) => `${e.type} ${e.id}`).join(', ')} before publishing\n`);
    process.kill(process.pid, 'SIGKILL');
  };
}

function armedFor(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
