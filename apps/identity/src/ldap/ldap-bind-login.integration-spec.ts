import { createServer, Server, Socket } from 'node:net';
import { LdapServer, startLdapServer } from '@app/testing';
import { bindAsUser } from './ldap-bind-login';

/** bindAsUser against the test kit's slapd: what each directory answer becomes. */
describe('bindAsUser (real slapd)', () => {
  const dn = 'uid=ann,ou=people,dc=example,dc=org';
  const timeouts = { connectTimeoutMs: 1_000, operationTimeoutMs: 1_000 };
  let server: LdapServer;

  beforeAll(async () => {
    server = await startLdapServer({
      entries: [
        { dn: 'ou=people,dc=example,dc=org', attributes: { objectClass: 'organizationalUnit', ou: 'people' } },
        { dn, attributes: { objectClass: 'inetOrgPerson', uid: 'ann', cn: 'Ann Lee', sn: 'Lee', userPassword: 'Ann-Directory-Pw1' } },
      ],
    });
  });

  afterAll(async () => {
    await server?.stop();
  });

  it('accepts the directory password and refuses a wrong one or an unknown DN', async () => {
    expect(await bindAsUser(server.url, dn, 'Ann-Directory-Pw1', timeouts)).toEqual({ kind: 'ACCEPTED' });
    expect(await bindAsUser(server.url, dn, 'wrong', timeouts)).toEqual({ kind: 'REFUSED' });
    expect(await bindAsUser(server.url, 'uid=nobody,ou=people,dc=example,dc=org', 'Ann-Directory-Pw1', timeouts)).toEqual({ kind: 'REFUSED' });
  });

  it('refuses an empty password without sending it (servers that allow unauthenticated binds would say yes)', async () => {
    let connections = 0;
    const counting = await listen((socket) => {
      connections++;
      socket.destroy();
    });
    try {
      const url = `ldap://127.0.0.1:${(counting.address() as { port: number }).port}`;
      expect(await bindAsUser(url, dn, '', timeouts)).toEqual({ kind: 'REFUSED' });
      expect(connections).toBe(0);
    } finally {
      await new Promise((resolve) => counting.close(resolve));
    }
    expect(await bindAsUser(server.url, dn, '', timeouts)).toEqual({ kind: 'REFUSED' });
  });

  it('is unavailable when nothing listens, and when the server accepts but never answers (timeout)', async () => {
    const closed = await listen(() => undefined);
    const closedUrl = `ldap://127.0.0.1:${(closed.address() as { port: number }).port}`;
    await new Promise((resolve) => closed.close(resolve));
    expect(await bindAsUser(closedUrl, dn, 'Ann-Directory-Pw1', timeouts)).toEqual({ kind: 'UNAVAILABLE', reason: expect.stringContaining('ECONNREFUSED') });

    const sockets: Socket[] = [];
    const silent = await listen((socket) => sockets.push(socket));
    try {
      const url = `ldap://127.0.0.1:${(silent.address() as { port: number }).port}`;
      expect(await bindAsUser(url, dn, 'Ann-Directory-Pw1', timeouts)).toEqual({ kind: 'UNAVAILABLE', reason: expect.stringMatching(/timeout|timed out/i) });
    } finally {
      sockets.forEach((s) => s.destroy());
      await new Promise((resolve) => silent.close(resolve));
    }
  });
});

const listen = (onConnection: (socket: Socket) => void): Promise<Server> =>
  new Promise((resolve) => {
    const server = createServer(onConnection);
    server.listen(0, '127.0.0.1', () => resolve(server));
  });
