import { Client } from 'ldapts';
import { startLdapServer } from './ldap-server';

describe('startLdapServer (the test kit slapd)', () => {
  it('serves its own entries, takes additions, changes and deletions, and stops', async () => {
    const server = await startLdapServer({
      entries: [
        { dn: 'ou=people,dc=example,dc=org', attributes: { objectClass: 'organizationalUnit', ou: 'people' } },
        {
          dn: 'uid=ann,ou=people,dc=example,dc=org',
          attributes: { objectClass: 'inetOrgPerson', uid: 'ann', cn: 'Ann Lee', sn: 'Lee', givenName: 'Ann', mail: 'ann@example.org' },
        },
      ],
    });
    const client = new Client({ url: server.url });
    try {
      await client.bind(server.bindDn, server.password);
      const people = async () => (await client.search(`ou=people,${server.baseDn}`, { filter: '(objectClass=inetOrgPerson)', attributes: ['uid', 'sn'] })).searchEntries;
      expect((await people()).map((e) => e.uid)).toEqual(['ann']);
      await server.add({ dn: 'uid=bob,ou=people,dc=example,dc=org', attributes: { objectClass: 'inetOrgPerson', uid: 'bob', cn: 'Bob Ray', sn: 'Ray' } });
      await server.modify('uid=ann,ou=people,dc=example,dc=org', { sn: 'Lee-Smith' });
      await server.delete('uid=bob,ou=people,dc=example,dc=org');
      expect(await people()).toEqual([expect.objectContaining({ uid: 'ann', sn: 'Lee-Smith' })]);
    } finally {
      await client.unbind().catch(() => undefined);
      await server.stop();
    }
    await expect(new Client({ url: server.url, connectTimeout: 1000 }).bind(server.bindDn, server.password)).rejects.toThrow();
  });
});
