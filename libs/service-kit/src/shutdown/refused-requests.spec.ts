import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { refusalFor, RefusedCommitGate, withRefusalOf } from './refused-requests';

describe('a request refused at shutdown', () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  const gate = new RefusedCommitGate();
  /** A handler as the RPC interceptor runs it: in the context it makes for the request, committing after a wait. */
  const handle = (request: object) =>
    context.with(withRefusalOf(request, ROOT_CONTEXT), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      gate.beforeTransactionCommit();
    });

  it('cannot commit once refused, wherever its work has got to', async () => {
    const request = {};
    const refusal = refusalFor(request);
    const work = handle(request);
    expect(refusal.refuse()).toBe(true);
    await expect(work).rejects.toThrow('refused with a 503');
  });

  it('is not refused once its commit has begun, and commits', async () => {
    const request = {};
    const refusal = refusalFor(request);
    await expect(handle(request)).resolves.toBeUndefined();
    expect(refusal.refuse()).toBe(false);
  });

  it("refuses that request only: another request's commit and work outside any request go on", async () => {
    const [refused, other] = [{}, {}];
    refusalFor(refused).refuse();
    refusalFor(other);
    await expect(handle(other)).resolves.toBeUndefined();
    await expect(handle({})).resolves.toBeUndefined();
    expect(() => gate.beforeTransactionCommit()).not.toThrow();
  });
});
