import { SpanKind } from '@opentelemetry/api';
import { AlwaysOffSampler, NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { EventTypes } from '@app/contracts';
import { newEnvelope } from '../outbox/outbox-row';
import { activeTraceId, inSpanFrom, startChildSpan, traceparentOf } from './trace-context';

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const TRACEPARENT = `00-${TRACE_ID}-b7ad6b7169203331-01`;
const W3C = /^00-([0-9a-f]{32})-([0-9a-f]{16})-0[01]$/;

beforeAll(() => {
  // The services' set-up when no OTLP endpoint is given: a registered provider that records nothing.
  new NodeTracerProvider({ sampler: new AlwaysOffSampler() }).register();
});

describe('trace context', () => {
  it('continues the given trace with a span of its own, and its envelopes carry it on', async () => {
    const envelope = await inSpanFrom('rpc', SpanKind.SERVER, TRACEPARENT, { requestId: 'r' }, async () => {
      expect(activeTraceId()).toBe(TRACE_ID);
      return newEnvelope('identity', EventTypes.RoleChanged, { roleId: 'x' }, 'r');
    });
    const [, traceId, spanId] = W3C.exec(envelope.traceparent ?? '') ?? [];
    expect(traceId).toBe(TRACE_ID);
    expect(spanId).not.toBe('b7ad6b7169203331');
  });

  it('gives an RPC call a child span in the same trace', async () => {
    await inSpanFrom('GET', SpanKind.SERVER, TRACEPARENT, {}, async () => {
      const parent = traceparentOf();
      const child = traceparentOf(startChildSpan('identity.users.create', SpanKind.CLIENT).context);
      expect(W3C.exec(child!)?.[1]).toBe(TRACE_ID);
      expect(W3C.exec(child!)?.[2]).not.toBe(W3C.exec(parent!)?.[2]);
    });
  });

  it('has no trace outside any work: envelopes then carry no traceparent', () => {
    expect(activeTraceId()).toBeUndefined();
    expect(newEnvelope('identity', EventTypes.RoleChanged, {}, null)).not.toHaveProperty('traceparent');
  });
});
