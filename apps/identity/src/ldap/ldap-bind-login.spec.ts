import { BusyError, InappropriateAuthError, InvalidCredentialsError, InvalidDNSyntaxError, NoSuchObjectError, UnavailableError, UnwillingToPerformError } from 'ldapts';
import { bindAsUser, bindFailureVerdict, bindTimeouts } from './ldap-bind-login';

describe('bindFailureVerdict', () => {
  it('takes results that refuse the credentials as a wrong password (counted toward lockout)', () => {
    for (const error of [new InvalidCredentialsError('bad'), new NoSuchObjectError('gone'), new InvalidDNSyntaxError('dn'), new InappropriateAuthError('no simple bind')]) {
      expect(bindFailureVerdict(error)).toEqual({ kind: 'REFUSED' });
    }
  });

  it('takes a directory in trouble, and every failure below LDAP, as unavailable (not the user\'s fault)', () => {
    const unavailable = [
      new BusyError('busy'),
      new UnavailableError('down'),
      new UnwillingToPerformError('unwilling'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      new Error('Connection timeout'),
      new Error('127.0.0.1:389 closed'),
      'something thrown that is not an Error',
      null,
    ];
    for (const error of unavailable) expect(bindFailureVerdict(error)).toEqual({ kind: 'UNAVAILABLE', reason: expect.any(String) });
    expect(bindFailureVerdict(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }))).toEqual({ kind: 'UNAVAILABLE', reason: 'ECONNREFUSED connect ECONNREFUSED' });
  });
});

describe('bindTimeouts', () => {
  it('leaves a fifth of the RPC deadline for the rest of the login', () => {
    expect(bindTimeouts(5_000)).toEqual({ connectTimeoutMs: 2_000, operationTimeoutMs: 2_000 });
  });

  it('stays between 200 ms and 5 s each', () => {
    expect(bindTimeouts(100)).toEqual({ connectTimeoutMs: 200, operationTimeoutMs: 200 });
    expect(bindTimeouts(60_000)).toEqual({ connectTimeoutMs: 5_000, operationTimeoutMs: 5_000 });
  });
});

describe('bindAsUser', () => {
  const timeouts = { connectTimeoutMs: 200, operationTimeoutMs: 200 };

  it('never sends an empty password (an anonymous bind would succeed): refused without asking anyone', async () => {
    // The URL names no server at all: a verdict other than REFUSED would mean it tried to connect.
    expect(await bindAsUser('ldap://directory.invalid:1', 'uid=ann,dc=example,dc=org', '', timeouts)).toEqual({ kind: 'REFUSED' });
    expect(await bindAsUser('ldap://directory.invalid:1', '  ', 'secret', timeouts)).toEqual({ kind: 'REFUSED' });
  });

  it('is unavailable for a URL that ldapts cannot use, instead of throwing', async () => {
    expect(await bindAsUser('http://not-ldap', 'uid=ann,dc=example,dc=org', 'secret', timeouts)).toEqual({ kind: 'UNAVAILABLE', reason: expect.stringContaining('invalid LDAP URL') });
  });
});
