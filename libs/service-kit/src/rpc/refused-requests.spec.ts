import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { refusalFor, RefusedCommitGate, withRefusalOf } from './refused-requests';

describe("an RPC request's refusal", () => {
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
    const refusal = refusalFor(request, undefined);
    const work = handle(request);
    expect(refusal.refuse()).toBe(true);
    await expect(work).rejects.toThrow('refused the request while shutting down');
  });

  it('is not refused once its commit has begun, and commits', async () => {
    const request = {};
    const refusal = refusalFor(request, undefined);
    await expect(handle(request)).resolves.toBeUndefined();
    expect(refusal.refuse()).toBe(false);
  });

  it("refuses that request only: another request's commit and work outside any request go on", async () => {
    const [refused, other] = [{}, {}];
    refusalFor(refused, undefined).refuse();
    refusalFor(other, undefined);
    await expect(handle(other)).resolves.toBeUndefined();
    await expect(handle({})).resolves.toBeUndefined();
    expect(() => gate.beforeTransactionCommit()).not.toThrow();
  });

  it('cannot start or commit past its commitBy, and commits before it', async () => {
    const late = {};
    const refusal = refusalFor(late, Date.now() + 20);
    expect(refusal.expired).toBe(false);
    const work = context.with(withRefusalOf(late, ROOT_CONTEXT), async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      gate.beforeTransactionCommit();
    });
    await expect(work).rejects.toMatchObject({ body: { statusCode: 503, code: 'SERVICE_UNAVAILABLE' } });
    expect(refusal.expired).toBe(true);
    const inTime = {};
    refusalFor(inTime, Date.now() + 10_000);
    await expect(handle(inTime)).resolves.toBeUndefined();
    // What is not a time (a caller that sets none, or garbage) sets no deadline.
    expect(refusalFor({}, 'soon').expired).toBe(false);
  });
});
