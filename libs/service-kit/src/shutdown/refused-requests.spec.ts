import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { keepRefusal, Refusal, RefusedCommitGate } from './refused-requests';

describe('a request refused at shutdown', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  const gate = new RefusedCommitGate();
  const pause = () => new Promise((resolve) => setTimeout(resolve, 1));

  it('cannot commit once refused, wherever its work has got to', async () => {
    const refusal = new Refusal();
    const work = refusal.run(async () => {
      await pause();
      gate.beforeTransactionCommit();
    });
    expect(refusal.refuse()).toBe(true);
    await expect(work).rejects.toThrow('refused with a 503');
  });

  it('is not refused once its commit has begun, and commits', async () => {
    const refusal = new Refusal();
    await refusal.run(async () => {
      await pause();
      gate.beforeTransactionCommit();
    });
    expect(refusal.refuse()).toBe(false);
  });

  it('reaches the commit through a context made afresh (the RPC interceptor starts each handler from its traceparent)', async () => {
    const refusal = new Refusal();
    const work = refusal.run(() => context.with(keepRefusal(ROOT_CONTEXT), async () => {
      await pause();
      gate.beforeTransactionCommit();
    }));
    refusal.refuse();
    await expect(work).rejects.toThrow('refused with a 503');
    // Without keepRefusal the fresh context would have lost it.
    const lost = new Refusal();
    const unguarded = lost.run(() => context.with(ROOT_CONTEXT, async () => {
      await pause();
      gate.beforeTransactionCommit();
    }));
    lost.refuse();
    await expect(unguarded).resolves.toBeUndefined();
  });

  it('leaves work outside any request alone (event consumers, the relay)', () => {
    expect(() => gate.beforeTransactionCommit()).not.toThrow();
  });
});
