import { commitByOf } from './commit-by';

describe('commitByOf', () => {
  it('stops the service a fifth of the deadline short of it, at most 500 ms', () => {
    expect(commitByOf(5000, 1_000)).toBe(1_000 + 4_500);
    expect(commitByOf(1000, 1_000)).toBe(1_000 + 800);
    expect(commitByOf(60_000, 0)).toBe(59_500);
  });
});
