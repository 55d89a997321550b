import { idempotencyOf } from './idempotency-hash';

describe('idempotencyOf', () => {
  it('hashes the same body in another key order alike, and another route or body apart', () => {
    const first = idempotencyOf('identity.users.create', { a: 1, b: { c: 2, d: 3 } }, 'k');
    expect(idempotencyOf('identity.users.create', { b: { d: 3, c: 2 }, a: 1 }, 'k')).toEqual(first);
    expect(idempotencyOf('identity.roles.create', { a: 1, b: { c: 2, d: 3 } }, 'k')?.requestHash).not.toBe(first?.requestHash);
    expect(idempotencyOf('identity.users.create', { a: 2, b: { c: 2, d: 3 } }, 'k')?.requestHash).not.toBe(first?.requestHash);
  });

  it('is nothing without a key', () => {
    expect(idempotencyOf('identity.users.create', {}, undefined)).toBeUndefined();
  });
});
