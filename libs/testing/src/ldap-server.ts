import { ChildProcess, execFile, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Attribute, Change, Client } from 'ldapts';

/** One directory entry: its DN and attributes (a value or several). */
export interface LdapEntry {
  dn: string;
  attributes: Record<string, string | string[]>;
}

export interface LdapServerOptions {
  /** Suffix of the database; default dc=example,dc=org. */
  baseDn?: string;
  /** Entries loaded before the server starts, below the suffix entry the kit makes itself (parents first). */
  entries?: LdapEntry[];
}

/** A running OpenLDAP slapd of Debian, for a test: its own port, directory and data. */
export interface LdapServer {
  url: string;
  baseDn: string;
  /** The root DN and its password (rootdn/rootpw of the database). */
  bindDn: string;
  password: string;
  add(entry: LdapEntry): Promise<void>;
  delete(dn: string): Promise<void>;
  /** Replaces attribute values of an entry. */
  modify(dn: string, attributes: Record<string, string | string[]>): Promise<void>;
  stop(): Promise<void>;
}

const SLAPD = '/usr/sbin/slapd';
const SLAPADD = '/usr/sbin/slapadd';
const SCHEMAS = ['core', 'cosine', 'inetorgperson', 'nis'];

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

const ldifValue = (value: string): string => (/^[\x20-\x7e]*$/.test(value) && !/^[ :<]/.test(value) && !/ $/.test(value) ? ` ${value}` : `: ${Buffer.from(value, 'utf8').toString('base64')}`);

/** Entries as LDIF (values that are not plain ASCII base64-encoded). */
export function toLdif(entries: LdapEntry[]): string {
  return entries
    .map(({ dn, attributes }) => {
      const lines = [`dn:${ldifValue(dn)}`];
      for (const [name, raw] of Object.entries(attributes)) for (const value of Array.isArray(raw) ? raw : [raw]) lines.push(`${name}:${ldifValue(value)}`);
      return lines.join('\n');
    })
    .join('\n\n')
    .concat('\n');
}

/**
 * Starts /usr/sbin/slapd as a plain process (no system service) on a free 127.0.0.1 port, with a
 * temporary directory holding its slapd.conf, an mdb database and the core, cosine, inetorgperson and
 * nis schemas of /etc/ldap/schema; loads the entries with slapadd first, then waits until a bind as
 * the root DN answers. `stop()` kills it and removes the directory.
 */
export async function startLdapServer(options: LdapServerOptions = {}): Promise<LdapServer> {
  if (!existsSync(SLAPD)) throw new Error(`${SLAPD} is missing: apt-get install slapd ldap-utils (see .ci/run)`);
  const baseDn = options.baseDn ?? 'dc=example,dc=org';
  const bindDn = `cn=admin,${baseDn}`;
  const password = 'test-ldap-admin-password';
  const root = await mkdtemp(join(tmpdir(), 'crm-slapd-'));
  const data = join(root, 'data');
  await mkdir(data);
  const config = join(root, 'slapd.conf');
  await writeFile(
    config,
    [
      ...SCHEMAS.map((schema) => `include /etc/ldap/schema/${schema}.schema`),
      `pidfile ${join(root, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      'sizelimit unlimited',
      'database mdb',
      'maxsize 104857600',
      `suffix "${baseDn}"`,
      `rootdn "${bindDn}"`,
      `rootpw ${password}`,
      `directory ${data}`,
      'index objectClass eq',
      '',
    ].join('\n'),
  );
  const firstRdn = baseDn.split(',')[0];
  const [type, value] = firstRdn.split('=');
  const suffix: LdapEntry =
    type.toLowerCase() === 'dc'
      ? { dn: baseDn, attributes: { objectClass: ['top', 'dcObject', 'organization'], dc: value, o: value } }
      : { dn: baseDn, attributes: { objectClass: ['top', 'organizationalUnit'], ou: value } };
  const ldif = join(root, 'data.ldif');
  await writeFile(ldif, toLdif([suffix, ...(options.entries ?? [])]));
  await promisify(execFile)(SLAPADD, ['-f', config, '-l', ldif, '-q']);

  const port = await freePort();
  const url = `ldap://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(SLAPD, ['-f', config, '-h', `${url}/`, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-4000)));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  const withClient = async <T>(use: (client: Client) => Promise<T>): Promise<T> => {
    const client = new Client({ url, connectTimeout: 2000, timeout: 5000 });
    try {
      await client.bind(bindDn, password);
      return await use(client);
    } finally {
      await client.unbind().catch(() => undefined);
    }
  };

  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    await rm(root, { recursive: true, force: true });
  };

  const deadline = Date.now() + 15_000;
  for (;;) {
    if (child.exitCode !== null) {
      await stop();
      throw new Error(`slapd exited at start (code ${child.exitCode}): ${output}`);
    }
    try {
      await withClient(async () => undefined);
      break;
    } catch (error) {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`slapd did not answer on ${url} within 15 s: ${(error as Error).message} ${output}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  return {
    url,
    baseDn,
    bindDn,
    password,
    add: (entry) => withClient((client) => client.add(entry.dn, entry.attributes)),
    delete: (dn) => withClient((client) => client.del(dn)),
    modify: (dn, attributes) =>
      withClient((client) =>
        client.modify(
          dn,
          Object.entries(attributes).map(([type, values]) => new Change({ operation: 'replace', modification: new Attribute({ type, values: Array.isArray(values) ? values : [values] }) })),
        ),
      ),
    stop,
  };
}
