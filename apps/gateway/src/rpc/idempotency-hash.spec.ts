import { idempotencyOf } from './idempotency-hash';

describe('idempotencyOf', () => {
  it('hashes the same body in another key order alike, and another route or body apart', () => {
    const first = idempotencyOf('identity.users.create', { a: 1, b: { c: 2, d: 3 } }, 'k');
    expect(idempotencyOf('identity.users.create', { b: { d: 3, c: 2 }, a: 1 }, 'k')).toEqual(first);
    expect(idempotencyOf('identity.roles.create', { a: 1, b: { c: 2, d: 3 } }, 'k')?.requestHash).not.toBe(first?.requestHash);
    expect(idempotencyOf('identity.users.create', { a: 2, b: { c: 2, d: 3 } }, 'k')?.requestHash).not.toBe(first?.requestHash);
  });

  it('leaves passwords out: the stored fingerprint gives nothing to test password guesses against', () => {
    const body = { username: 'ada', password: 'Str0ng-Password', passwordConfirm: 'Str0ng-Password' };
    const withOtherPassword = { username: 'ada', password: 'An0ther-Passw0rd', passwordConfirm: 'An0ther-Passw0rd' };
    expect(idempotencyOf('identity.users.create', withOtherPassword, 'k')).toEqual(idempotencyOf('identity.users.create', body, 'k'));
    expect(idempotencyOf('identity.users.create', { username: 'ada' }, 'k')).toEqual(idempotencyOf('identity.users.create', body, 'k'));
  });

  it('is nothing without a key', () => {
    expect(idempotencyOf('identity.users.create', {}, undefined)).toBeUndefined();
  });
});
