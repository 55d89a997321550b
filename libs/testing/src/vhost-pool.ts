import { connect } from 'amqplib';
import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, rmdirSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** A lock older than this was left by a process that died while making a batch. */
const STALE_LOCK_MS = 120_000;

const BROKER = (process.env.AMQP_URL || 'amqp://guest:guest@127.0.0.1:5672').replace(/\/+$/, '');

function rabbitmqctl(...args: string[]): Promise<string> {
  return run('rabbitmqctl', args, { timeout: 60_000 }).then((result) => result.stdout);
}

/** Whether the broker has the vhost and lets the guest user in (it may have been deleted or reset since the pool made it). */
export async function guestMayUse(vhost: string): Promise<boolean> {
  try {
    const connection = await connect(`${BROKER}/${vhost}`);
    await connection.close();
    return true;
  } catch {
    return false;
  }
}

/**
 * Adds `added` (for the guest user) and drops `dropped`, in one rabbitmqctl call when the broker's
 * own functions answer as expected, else in the documented commands one by one (another version).
 */
async function changeVhosts(added: string[], dropped: string[]): Promise<void> {
  const name = (vhost: string) => `<<"${vhost}">>`;
  const steps = [
    ...dropped.map((vhost) => `rabbit_vhost:delete(${name(vhost)}, <<"guest">>)`),
    ...added.map(
      (vhost) =>
        `ok = rabbit_vhost:add(${name(vhost)}, <<"guest">>), ok = rabbit_auth_backend_internal:set_permissions(<<"guest">>, ${name(vhost)}, <<".*">>, <<".*">>, <<".*">>, <<"guest">>)`,
    ),
  ];
  if ((await rabbitmqctl('eval', `${[...steps, 'done'].join(', ')}.`).catch(() => '')).trim() === 'done') return;
  for (const vhost of dropped) await rabbitmqctl('delete_vhost', vhost).catch(() => undefined);
  const present = (await rabbitmqctl('-q', 'list_vhosts', 'name')).split('\n');
  for (const vhost of added) {
    if (!present.includes(vhost)) await rabbitmqctl('add_vhost', vhost);
    await rabbitmqctl('set_permissions', '-p', vhost, 'guest', '.*', '.*', '.*');
  }
}

/**
 * Every test run gets a vhost of its own. Each rabbitmqctl call starts an Erlang VM (about a second
 * and 1.3 s of CPU here), and a vhost made and dropped per test file cost two of them: so vhosts are
 * made several at a time, and the ones used are dropped with the next batch (or by `dropUsed`).
 * The pool is a folder of empty marker files, shared by every process of the checkout:
 * `free.<vhost>` made and unused, `used.<vhost>` to drop. Taking a vhost removes its marker, which
 * only one process can do; one process at a time makes a batch (the `lock` folder).
 * The vhosts' names start with e2e_, which .ci/run drops as a crashed run's leftovers.
 */
export class VhostPool {
  private readonly lock: string;

  constructor(
    private readonly folder: string,
    private readonly batchSize = 8,
  ) {
    this.lock = join(folder, 'lock');
  }

  /** A fresh vhost the guest user may use, for this caller alone. */
  async take(): Promise<string> {
    mkdirSync(this.folder, { recursive: true });
    for (;;) {
      const vhost = this.takeFree();
      if (vhost !== null) {
        if (await guestMayUse(vhost)) return vhost;
        continue;
      }
      if (!(await this.makeBatch())) await new Promise((wait) => setTimeout(wait, 200));
    }
  }

  /** Gives a vhost back: it is dropped with the next batch, or by `dropUsed`. */
  giveBack(vhost: string): void {
    mkdirSync(this.folder, { recursive: true });
    writeFileSync(join(this.folder, `used.${vhost}`), '');
  }

  /** Drops every used vhost now (a test project's global teardown), in one call. */
  async dropUsed(): Promise<void> {
    mkdirSync(this.folder, { recursive: true });
    const used = this.markers('used');
    if (used.length === 0) return;
    await changeVhosts([], used);
    this.forget(used);
  }

  private markers(state: 'free' | 'used'): string[] {
    return readdirSync(this.folder)
      .filter((name) => name.startsWith(`${state}.`))
      .map((name) => name.slice(state.length + 1));
  }

  private forget(used: string[]): void {
    for (const vhost of used) rmSync(join(this.folder, `used.${vhost}`), { force: true });
  }

  /** A free vhost of the pool, now this caller's, or null when none is left. */
  private takeFree(): string | null {
    for (const vhost of this.markers('free')) {
      try {
        unlinkSync(join(this.folder, `free.${vhost}`));
        return vhost;
      } catch {
        // Another process took it first.
      }
    }
    return null;
  }

  /** Makes a batch of free vhosts, dropping the used ones in the same call; false when another process holds the lock. */
  private async makeBatch(): Promise<boolean> {
    try {
      mkdirSync(this.lock);
    } catch {
      const lock = statSync(this.lock, { throwIfNoEntry: false });
      if (lock && Date.now() - lock.mtimeMs > STALE_LOCK_MS) rmSync(this.lock, { recursive: true, force: true });
      return false;
    }
    try {
      // Another process may have made a batch between this one's look and its lock.
      if (this.markers('free').length > 0) return true;
      const used = this.markers('used');
      const batch = Array.from({ length: this.batchSize }, () => `e2e_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 7)}`);
      await changeVhosts(batch, used);
      this.forget(used);
      for (const vhost of batch) writeFileSync(join(this.folder, `free.${vhost}`), '');
      return true;
    } finally {
      rmdirSync(this.lock);
    }
  }
}

/** The pool of this checkout, for every test process. */
export const vhostPool = new VhostPool(resolve(__dirname, '../../../.run/vhost-pool'));
