import { context, ROOT_CONTEXT } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { activeRefusal, refusalFor, withRefusalOf } from './refused-requests';

describe("an RPC request's refusal", () => {
  const manager = new AsyncLocalStorageContextManager();
  beforeAll(() => context.setGlobalContextManager(manager.enable()));
  afterAll(() => {
    manager.disable();
    context.disable();
  });

  /** What the commit gate (database/refused-commit-gate.ts) runs before a transaction commits. */
  const commit = () => activeRefusal()?.admitCommit();
  /** A handler as the RPC interceptor runs it: in the context it makes for the request, committing after a wait. */
  const handle = (request: object) =>
    context.with(withRefusalOf(request, ROOT_CONTEXT), async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      commit();
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
    expect(() => commit()).not.toThrow();
  });

  it('cannot start or commit past its commitBy, and commits before it', async () => {
    const late = {};
    const refusal = refusalFor(late, Date.now() + 20);
    expect(refusal.expired).toBe(false);
    const work = context.with(withRefusalOf(late, ROOT_CONTEXT), async () => {
      await new Promise((resolve) => setTimeout(resolve, 40));
      commit();
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

describe("the watch on a request's write outside a transaction", () => {
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

  it('cancels a write still running at commitBy, and the end of the statement waits for the cancel', async () => {
    const refusal = refusalFor({}, Date.now() + 20);
    let cancelled = false;
    const finished = refusal.watch(async () => {
      await sleep(30);
      cancelled = true;
    });
    await sleep(40);
    expect(refusal.cancelledLate).toBe(true);
    expect(cancelled).toBe(false);
    await finished();
    expect(cancelled).toBe(true);
  });

  it('leaves a write that returned before commitBy alone', async () => {
    const refusal = refusalFor({}, Date.now() + 20);
    const cancel = jest.fn(async () => undefined);
    await refusal.watch(cancel)();
    await sleep(40);
    expect(cancel).not.toHaveBeenCalled();
    expect(refusal.cancelledLate).toBe(false);
  });

  it('sets no watch for a request without a commitBy', async () => {
    const refusal = refusalFor({}, undefined);
    const cancel = jest.fn(async () => undefined);
    const finished = refusal.watch(cancel);
    await sleep(10);
    await finished();
    expect(cancel).not.toHaveBeenCalled();
  });
});
