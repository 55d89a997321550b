import type { Entry } from 'ldapts';
import { readPeople, readPerson, rolesOf } from './directory-people';
import { filterProblem, normalizeDn } from './ldap-connection';

const mapping = { username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn', emails: 'mailAlternateAddress', phone: 'telephoneNumber' };

const entry = (uid: string | undefined, extra: Record<string, string | string[]> = {}): Entry => ({
  dn: `uid=${uid ?? 'x'},ou=People,dc=example,dc=org`,
  ...(uid === undefined ? {} : { uid }),
  mail: `${uid ?? 'x'}@example.org`,
  givenName: 'Ann',
  sn: 'Lee',
  ...extra,
});

describe('reading directory entries as users', () => {
  it('maps the attributes, without regard to the case of their names', () => {
    const { person, problems } = readPerson({ dn: 'uid=ann,dc=example,dc=org', UID: 'ann', Mail: 'ann@example.org', givenname: 'Ann', SN: 'Lee', telephoneNumber: '+49 30 123', mailAlternateAddress: ['ANN@example.org', 'a.lee@example.org'] }, mapping);
    expect(problems).toEqual([]);
    expect(person).toEqual({
      dn: 'uid=ann,dc=example,dc=org',
      username: 'ann',
      primaryEmail: 'ann@example.org',
      firstName: 'Ann',
      lastName: 'Lee',
      emails: ['a.lee@example.org'],
      phone: '+49 30 123',
    });
  });

  it('leaves emails and phone undefined when the mapping does not name them, and null phone when the entry has none', () => {
    const { person } = readPerson(entry('ann'), { username: 'uid', primaryEmail: 'mail', firstName: 'givenName', lastName: 'sn' });
    expect(person?.emails).toBeUndefined();
    expect(person?.phone).toBeUndefined();
    expect(readPerson(entry('ann'), mapping).person?.phone).toBeNull();
  });

  it('refuses an entry without a username, with a bad username, a bad email, missing names, a bad phone', () => {
    expect(readPerson(entry(undefined), mapping).problems).toEqual(['no username (attribute uid is missing or empty)']);
    expect(readPerson(entry('a b'), mapping).problems[0]).toMatch(/not a valid username/);
    expect(readPerson(entry('ann', { mail: 'not-an-address' }), mapping).problems[0]).toMatch(/email "not-an-address" .* is not a valid address/);
    expect(readPerson(entry('ann', { givenName: '  ' }), mapping).problems).toEqual(['no first name (attribute givenName is missing or empty)']);
    expect(readPerson(entry('ann', { telephoneNumber: 'call me' }), mapping).problems[0]).toMatch(/phone "call me"/);
    expect(readPerson(entry('ann', { sn: 'L\u0000ee' }), mapping).problems[0]).toMatch(/NUL/);
    expect(readPerson(entry('ann', { sn: 'x'.repeat(101) }), mapping).problems[0]).toMatch(/longer than 100/);
  });

  it('refuses duplicate usernames and addresses across entries (ignoring case), naming both entries', () => {
    const { problems } = readPeople(
      [entry('ann'), { ...entry('ANN'), dn: 'uid=ann2,ou=People,dc=example,dc=org', mail: 'other@example.org' }, { ...entry('bob'), mail: 'Ann@example.org' }],
      mapping,
    );
    expect(problems).toEqual([
      { dn: 'uid=ann2,ou=People,dc=example,dc=org', message: 'duplicate username "ann": the entry uid=ann,ou=People,dc=example,dc=org has it too' },
      { dn: 'uid=bob,ou=People,dc=example,dc=org', message: 'duplicate email "ann@example.org": the entry uid=ann,ou=People,dc=example,dc=org has it too' },
    ]);
  });

  it('gives the roles of every mapped group listing the DN, else the default roles', () => {
    const members = new Map([[normalizeDn('cn=Admins,ou=Groups,dc=example,dc=org'), new Set([normalizeDn('uid=ann, ou=People, dc=example, dc=org')])]]);
    const roleMapping = [{ groupDn: 'cn=admins,ou=groups,dc=example,dc=org', roleId: 'r-admin' }];
    const ann = readPerson(entry('ann'), mapping).person!;
    const bob = readPerson(entry('bob'), mapping).person!;
    expect(rolesOf(ann, roleMapping, members, ['r-user'])).toEqual(['r-admin']);
    expect(rolesOf(bob, roleMapping, members, ['r-user'])).toEqual(['r-user']);
  });

  it('parses filters as ldapts sends them', () => {
    expect(filterProblem('(&(objectClass=inetOrgPerson)(uid=*))')).toBeNull();
    expect(filterProblem('(&(objectClass=inetOrgPerson)(uid=*)')).toMatch(/not a valid LDAP filter/);
    expect(filterProblem('uid=ann')).toBeNull();
  });
});
