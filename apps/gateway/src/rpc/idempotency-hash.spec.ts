import { idempotencyOf } from './idempotency-hash';

const ORG = '3f1c2b8e-0d0a-4a43-9d5c-6f2b8a1e4c11';

describe('idempotencyOf', () => {
  it('hashes the same body in another key order alike, and another route or body apart', () => {
    const first = idempotencyOf('identity.users.create', { a: 1, b: { c: 2, d: 3 } }, 'k', ORG);
    expect(idempotencyOf('identity.users.create', { b: { d: 3, c: 2 }, a: 1 }, 'k', ORG)).toEqual(first);
    expect(idempotencyOf('identity.roles.create', { a: 1, b: { c: 2, d: 3 } }, 'k', ORG)?.requestHash).not.toBe(first?.requestHash);
    expect(idempotencyOf('identity.users.create', { a: 2, b: { c: 2, d: 3 } }, 'k', ORG)?.requestHash).not.toBe(first?.requestHash);
  });

  it('leaves passwords out: the stored fingerprint gives nothing to test password guesses against', () => {
    const body = { username: 'ada', password: 'Str0ng-Password', passwordConfirm: 'Str0ng-Password' };
    const withOtherPassword = { username: 'ada', password: 'An0ther-Passw0rd', passwordConfirm: 'An0ther-Passw0rd' };
    expect(idempotencyOf('identity.users.create', withOtherPassword, 'k', ORG)).toEqual(idempotencyOf('identity.users.create', body, 'k', ORG));
    expect(idempotencyOf('identity.users.create', { username: 'ada' }, 'k', ORG)).toEqual(idempotencyOf('identity.users.create', body, 'k', ORG));
  });

  it('hashes the same body from a session in another organization apart', () => {
    const body = { username: 'ada' };
    expect(idempotencyOf('identity.users.create', body, 'k', '9a7d1e52-51f3-4c4b-8a0e-2d6f0c3b7e90')?.requestHash).not.toBe(idempotencyOf('identity.users.create', body, 'k', ORG)?.requestHash);
    expect(idempotencyOf('identity.users.create', body, 'k', undefined)?.requestHash).not.toBe(idempotencyOf('identity.users.create', body, 'k', ORG)?.requestHash);
  });

  it('is nothing without a key', () => {
    expect(idempotencyOf('identity.users.create', {}, undefined, ORG)).toBeUndefined();
  });
});
