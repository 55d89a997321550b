import { startTracing } from '@app/service-kit/tracing/start-tracing';
import { eventually } from '@app/testing/eventually';
import { context, createContextKey } from '@opentelemetry/api';
import { SerialJobQueue } from './locked-job-run';

describe('SerialJobQueue', () => {
  const REQUEST = createContextKey('test.request');

  let provider: ReturnType<typeof startTracing>;
  beforeAll(() => (provider = startTracing('jobs-test', {})));
  afterAll(async () => {
    await provider.shutdown();
    context.disable();
  });

  it('runs the jobs one at a time in the order queued, a failing one not stopping the next', async () => {
    const ran: string[] = [];
    let running = 0;
    const queue = new SerialJobQueue(async (jobId) => {
      running++;
      expect(running).toBe(1);
      await new Promise((done) => setTimeout(done, 5));
      ran.push(jobId);
      running--;
      if (jobId === 'b') throw new Error('job b failed');
    });
    for (const jobId of ['a', 'b', 'c']) queue.enqueue(jobId);
    await eventually(async () => (ran.length === 3 ? true : undefined), 5_000);
    expect(ran).toEqual(['a', 'b', 'c']);
  });

  it('runs a job outside the context of the request that queued it', async () => {
    const seen: unknown[] = [];
    const queue = new SerialJobQueue(async () => void seen.push(context.active().getValue(REQUEST)));
    context.with(context.active().setValue(REQUEST, 'the request'), () => {
      expect(context.active().getValue(REQUEST)).toBe('the request');
      queue.enqueue('job');
    });
    await eventually(async () => (seen.length === 1 ? true : undefined), 5_000);
    expect(seen).toEqual([undefined]);
  });
});
