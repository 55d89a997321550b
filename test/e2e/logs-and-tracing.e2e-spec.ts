import { eventually } from '@app/testing';
import { randomBytes } from 'node:crypto';
import { createServer, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { BusTap } from '../security/bus-tap';
import { newUserBody, RunningSuite, startWholeSuite } from './suite-fixture';

/** The JSON lines one service wrote, as the start script passed them on (`[tickets]   {...}`). */
function linesOf(run: RunningSuite, service: string): Record<string, any>[] {
  const prefix = new RegExp(`^\\[${service}\\]\\s+(\\{.*)$`);
  return run.suite
    .logs()
    .split('\n')
    .map((line) => prefix.exec(line)?.[1])
    .filter((json): json is string => json !== undefined)
    .map((json) => JSON.parse(json));
}

const W3C = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

/**
 * Issue 15 (DESIGN.md section 10): JSON log lines with the request, user and event ids, and one W3C
 * trace from the gateway's request through the RPC and the outbox to another service's consumer.
 */
describe('logs and tracing', () => {
  let run: RunningSuite;
  let tap: BusTap;

  beforeAll(async () => {
    run = await startWholeSuite({}, async (environment) => {
      tap = await BusTap.start(environment.amqpUrl);
    });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await tap?.stop();
    await run?.environment.dispose();
  });

  it('follows one trace id from POST /api/users to the tickets consumer of identity.user.created, through the bus', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await run.admin.post('/api/users', newUserBody(run.ids), { traceparent: `00-${traceId}-${callerSpanId}-01` });
    expect(response.status).toBe(201);
    const requestId = response.headers.get('x-request-id');
    // The answer names the trace it joined, with the gateway's own span as the parent to use next.
    const [, answeredTrace, answeredSpan] = W3C.exec(response.headers.get('traceparent') ?? '') ?? [];
    expect(answeredTrace).toBe(traceId);
    expect(answeredSpan).not.toBe(callerSpanId);

    // The event on the bus carries the trace and the request id (its correlation id).
    const tapped = await eventually(async () => {
      const message = tap.messages.find((m) => m.routingKey === 'identity.user.created' && JSON.parse(m.body).data.id === response.body.id);
      return message ? JSON.parse(message.body) : undefined;
    }, 15_000);
    const envelope = tapped.value;
    expect(W3C.exec(envelope.traceparent)?.[1]).toBe(traceId);
    expect(envelope.correlationId).toBe(requestId);

    // Tickets logs taking that event with the event id, the request id and the same trace id.
    const consumed = await eventually(async () => linesOf(run, 'tickets').find((line) => line.eventId === envelope.id), 15_000);
    expect(consumed.value).toMatchObject({ service: 'tickets', level: 30, requestId, traceId, msg: `identity.user.created ${envelope.id} applied` });
    // Portal took it in the same trace too.
    const portal = await eventually(async () => linesOf(run, 'portal').find((line) => line.eventId === envelope.id), 15_000);
    expect(portal.value).toMatchObject({ requestId, traceId });
  });

  it('logs one line per gateway request: method, URL without credentials, status, ms, request id, user id and trace id', async () => {
    const me = await run.admin.get('/api/me');
    const requestId = me.headers.get('x-request-id');
    const traceId = W3C.exec(me.headers.get('traceparent') ?? '')?.[1];
    expect(traceId).toBeDefined();
    const closing = (id: string | null) => linesOf(run, 'gateway').filter((line) => line.requestId === id && line.msg === 'request completed');
    await eventually(async () => (closing(requestId).length > 0 ? true : undefined), 10_000);
    expect(closing(requestId)).toHaveLength(1);
    expect(closing(requestId)[0]).toMatchObject({ method: 'GET', url: '/api/me', status: 200, userId: me.body.id, traceId, ms: expect.any(Number) });

    const secret = `T0ken-${randomBytes(6).toString('hex')}`;
    const refused = await run.api.get(`/api/users?limit=1&token=${secret}`);
    expect(refused.status).toBe(401);
    const refusedLine = await eventually(async () => linesOf(run, 'gateway').find((line) => line.requestId === refused.headers.get('x-request-id')), 10_000);
    expect(refusedLine.value).toMatchObject({ url: '/api/users?limit=1&token=[REDACTED]', status: 401 });
    expect(refusedLine.value).not.toHaveProperty('userId');
    expect(run.suite.logs()).not.toContain(secret);
  });

  it('starts a new trace for a request whose traceparent is not a valid W3C one', async () => {
    const response = await run.admin.get('/api/me', { traceparent: `00-${'0'.repeat(32)}-${'1'.repeat(16)}-01` });
    expect(response.status).toBe(200);
    const [, traceId] = W3C.exec(response.headers.get('traceparent') ?? '') ?? [];
    expect(traceId).toMatch(/^[0-9a-f]{32}$/);
    expect(traceId).not.toBe('0'.repeat(32));
  });

  it('has every service write JSON lines: level, time and service on each', async () => {
    for (const service of ['identity', 'tickets', 'portal', 'gateway']) {
      const lines = linesOf(run, service);
      // Nest's start-up lines at least: the modules and the "ready" line.
      expect(lines.length).toBeGreaterThan(3);
      for (const line of lines) expect(line).toMatchObject({ level: expect.any(Number), time: expect.any(String), service });
      // The ready line says what the launcher did with the code cache (README: CODE_CACHE_DIR).
      const ready = lines.find((line) => /^ready: /.test(line.msg));
      expect(ready).toMatchObject({ codeCache: expect.stringMatching(/^(used|absent|rejected|untrusted|off)$/) });
    }
  });
});

/** The spans an OTLP/HTTP collector would receive, as the services send them (JSON). */
class SpanCollector {
  readonly spans: { service: string; traceId: string; spanId: string; parentSpanId?: string; name: string; kind: number }[] = [];
  private constructor(private readonly server: Server) {}

  static async start(): Promise<SpanCollector> {
    const collector: SpanCollector = new SpanCollector(
      createServer((request, response) => {
        let body = '';
        request.on('data', (chunk) => (body += chunk));
        request.on('end', () => {
          if (request.url === '/v1/traces') collector.receive(JSON.parse(body));
          response.writeHead(200, { 'content-type': 'application/json' }).end('{}');
        });
      }),
    );
    await new Promise<void>((listening) => collector.server.listen(0, '127.0.0.1', listening));
    return collector;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  private receive(request: { resourceSpans: { resource: { attributes: { key: string; value: { stringValue?: string } }[] }; scopeSpans: { spans: any[] }[] }[] }): void {
    for (const { resource, scopeSpans } of request.resourceSpans) {
      const service = resource.attributes.find((a) => a.key === 'service.name')?.value.stringValue ?? '?';
      for (const { spans } of scopeSpans) for (const span of spans) this.spans.push({ service, traceId: span.traceId, spanId: span.spanId, parentSpanId: span.parentSpanId || undefined, name: span.name, kind: span.kind });
    }
  }

  stop(): Promise<void> {
    return new Promise((closed) => this.server.close(() => closed()));
  }
}

describe('tracing exported over OTLP when OTEL_EXPORTER_OTLP_ENDPOINT is set', () => {
  let run: RunningSuite;
  let collector: SpanCollector;

  beforeAll(async () => {
    collector = await SpanCollector.start();
    run = await startWholeSuite({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '200' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
    await collector?.stop();
  });

  it('records the chain: caller → gateway request → RPC call → identity handler → tickets consumer, in one trace', async () => {
    const traceId = randomBytes(16).toString('hex');
    const callerSpanId = randomBytes(8).toString('hex');
    const response = await run.admin.post('/api/users', newUserBody(run.ids), { traceparent: `00-${traceId}-${callerSpanId}-01` });
    expect(response.status).toBe(201);
    // Recorded now: the answer says sampled.
    expect(response.headers.get('traceparent')).toMatch(new RegExp(`^00-${traceId}-[0-9a-f]{16}-01$`));

    const spanOf = (service: string, name: string) => collector.spans.find((s) => s.traceId === traceId && s.service === service && s.name === name);
    const consumer = await eventually(async () => spanOf('tickets', 'consume identity.user.created'), 20_000);
    const request = spanOf('gateway', 'POST /api/users');
    const call = spanOf('gateway', 'identity.users.create');
    const handler = spanOf('identity', 'identity.users.create');
    expect(request?.parentSpanId).toBe(callerSpanId);
    expect(call?.parentSpanId).toBe(request?.spanId);
    expect(handler?.parentSpanId).toBe(call?.spanId);
    expect(consumer.value.parentSpanId).toBe(handler?.spanId);
  });
});

describe('the spans of the last requests are sent when the services stop', () => {
  it("sends what the batch processor still held: a request's spans, from the gateway and from identity", async () => {
    const collector = await SpanCollector.start();
    // Ten minutes between the batch processor's sends: only the flush at shutdown can send these spans.
    const run = await startWholeSuite({ OTEL_EXPORTER_OTLP_ENDPOINT: collector.url, OTEL_BSP_SCHEDULE_DELAY: '600000' });
    const traceId = randomBytes(16).toString('hex');
    try {
      const response = await run.admin.post('/api/users', newUserBody(run.ids), { traceparent: `00-${traceId}-${randomBytes(8).toString('hex')}-01` });
      expect(response.status).toBe(201);
      expect(collector.spans.filter((span) => span.traceId === traceId)).toEqual([]);
    } finally {
      await run.suite.stop();
      await run.environment.dispose();
      await collector.stop();
    }
    const sent = collector.spans.filter((span) => span.traceId === traceId).map((span) => `${span.service} ${span.name}`);
    expect(sent).toEqual(expect.arrayContaining(['gateway POST /api/users', 'gateway identity.users.create', 'identity identity.users.create']));
  });
});
