import { lockEnd, lockHasEnded, secondsUntil } from './lockout-policy';

const now = new Date('2026-01-01T00:00:00.000Z');
const temporary = { mode: 'temporary' as const, durationMs: 60_000, maxDurationMs: 3_600_000 };
const waitOf = (lockCount: number) => lockEnd(temporary, lockCount, now)!.getTime() - now.getTime();

describe('lockEnd', () => {
  it('has no end in permanent mode', () => {
    expect(lockEnd({ ...temporary, mode: 'permanent' }, 3, now)).toBeNull();
  });

  it('doubles the wait with each lock in a row, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8].map(waitOf)).toEqual([60_000, 120_000, 240_000, 480_000, 960_000, 1_920_000, 3_600_000, 3_600_000]);
  });

  it('stays finite for absurd lock counts, and treats a count below 1 as the first lock', () => {
    expect(waitOf(10_000)).toBe(3_600_000);
    expect(waitOf(0)).toBe(60_000);
  });
});

describe('lockHasEnded', () => {
  it('ends a temporary lock once its time has come, never a permanent one', () => {
    expect(lockHasEnded(new Date(now.getTime() - 1), now)).toBe(true);
    expect(lockHasEnded(now, now)).toBe(true);
    expect(lockHasEnded(new Date(now.getTime() + 1), now)).toBe(false);
    expect(lockHasEnded(null, now)).toBe(false);
  });
});

describe('secondsUntil', () => {
  it('rounds up and never says 0', () => {
    expect(secondsUntil(new Date(now.getTime() + 1500), now)).toBe(2);
    expect(secondsUntil(new Date(now.getTime() + 2000), now)).toBe(2);
    expect(secondsUntil(new Date(now.getTime() - 10), now)).toBe(1);
  });
});
