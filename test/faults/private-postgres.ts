import { execFile } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { promisify } from 'node:util';
import { freePorts } from '@app/testing';

const run = promisify(execFile);

/**
 * A PostgreSQL cluster of the run's own (Debian's pg_createcluster, as root), so restarting it under
 * load breaks nobody else's tests on the machine's shared server. Trust auth on 127.0.0.1 like the
 * shared one; dropped (stopped first) at the end.
 */
export interface PrivatePostgres {
  url: string;
  restart(): Promise<void>;
  drop(): Promise<void>;
}

const ctl = (args: string[]) => run(args[0], args.slice(1), { timeout: 120_000 });

export async function createPrivatePostgres(): Promise<PrivatePostgres> {
  const version = readdirSync('/etc/postgresql').sort().at(-1);
  if (!version) throw new Error('no PostgreSQL under /etc/postgresql: test:faults needs Debian\'s postgresql-common (pg_createcluster)');
  const [port] = await freePorts(1);
  const name = `faults_${process.pid}`;
  await ctl(['pg_createcluster', version, name, '-p', String(port), '--', '--auth=trust']);
  // Fast mode on restart: open connections are cut, as a crash or a failover would cut them.
  const cluster = (action: string) => ctl(['pg_ctlcluster', '--skip-systemctl-redirect', '--mode', 'fast', version, name, action]);
  await cluster('start');
  return {
    url: `postgres://postgres@127.0.0.1:${port}`,
    restart: async () => {
      await cluster('restart');
    },
    drop: async () => {
      await ctl(['pg_dropcluster', '--stop', version, name]);
    },
  };
}
