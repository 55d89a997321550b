import fc from 'fast-check';
import { afterFailure } from './retry-plan';

describe('afterFailure', () => {
  const delays = [1000, 5000, 30000];

  it('retries with each configured delay in turn, counting the attempts', () => {
    expect(afterFailure(undefined, delays)).toEqual({ kind: 'retry', attempt: 1, delayMs: 1000 });
    expect(afterFailure(1, delays)).toEqual({ kind: 'retry', attempt: 2, delayMs: 5000 });
    expect(afterFailure(2, delays)).toEqual({ kind: 'retry', attempt: 3, delayMs: 30000 });
  });

  it('dead-letters once every delay was used, or at once when none is configured', () => {
    expect(afterFailure(3, delays)).toEqual({ kind: 'dead-letter', attempt: 4 });
    expect(afterFailure(undefined, [])).toEqual({ kind: 'dead-letter', attempt: 1 });
  });

  it('reads the header as AMQP carries it, number or string', () => {
    expect(afterFailure('1', delays)).toEqual({ kind: 'retry', attempt: 2, delayMs: 5000 });
  });

  it('dead-letters a message whose attempt header is not a number rather than retrying it forever', () => {
    expect(afterFailure('lots', delays).kind).toBe('dead-letter');
  });

  it('a message is tried exactly once more than there are delays, whatever the delays', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 1, max: 60_000 }), { maxLength: 6 }), (retryDelaysMs) => {
        const used: number[] = [];
        let header: unknown = undefined;
        for (;;) {
          const next = afterFailure(header, retryDelaysMs);
          if (next.kind === 'dead-letter') {
            expect(next.attempt).toBe(retryDelaysMs.length + 1);
            break;
          }
          used.push(next.delayMs);
          header = next.attempt;
        }
        expect(used).toEqual(retryDelaysMs);
      }),
    );
  });

  it('a failure because the database is away retries after the longest delay without using up an attempt', () => {
    expect(afterFailure(undefined, delays, true)).toEqual({ kind: 'retry', attempt: 0, delayMs: 30000 });
    expect(afterFailure(3, delays, true)).toEqual({ kind: 'retry', attempt: 3, delayMs: 30000 });
    expect(afterFailure('lots', delays, true).kind).toBe('dead-letter');
    expect(afterFailure(undefined, [], true)).toEqual({ kind: 'dead-letter', attempt: 1 });
  });

  it('however long the database is away, the attempts left afterwards are the same', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 1, max: 50 }), (tried, outages) => {
        let header: unknown = tried;
        for (let i = 0; i < outages; i++) {
          const next = afterFailure(header, delays, true);
          expect(next.kind).toBe('retry');
          header = next.attempt;
        }
        expect(afterFailure(header, delays)).toEqual(afterFailure(tried, delays));
      }),
    );
  });
});
