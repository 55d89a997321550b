import { distinguishedNameProblem } from './distinguished-name';

describe('distinguished names', () => {
  it.each(['dc=example,dc=org', 'uid=ann,ou=People,dc=example,dc=org', 'cn=Lee\\, Ann,ou=people,dc=example,dc=org', 'cn=a+sn=b,dc=x', '2.5.4.3=x,dc=y'])('accepts %s', (dn) => {
    expect(distinguishedNameProblem(dn)).toBeNull();
  });

  it.each(['', '   ', 'example.org', 'dc=example,', 'dc=,dc=org', '=x,dc=org', 'dc=example\\', 'd c=x'])('refuses %j', (dn) => {
    expect(distinguishedNameProblem(dn, 'baseDn')).toMatch(/baseDn/);
  });

  it('refuses a DN longer than 1024 characters', () => {
    expect(distinguishedNameProblem(`cn=${'x'.repeat(1100)}`, 'bindDn')).toMatch(/at most 1024/);
  });
});
