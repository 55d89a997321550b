import { Context, context, createContextKey, propagation, ROOT_CONTEXT, Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';

/**
 * The correlation fields every log line written while handling a request, an RPC or an event
 * carries. They live in the active OpenTelemetry context (one AsyncLocalStorage for trace and logs),
 * and the object is the request's own, so a field learnt later (the user, once authenticated) is
 * seen by every line after it.
 */
export interface LogFields {
  requestId?: string;
  userId?: string;
  eventId?: string;
}

const LOG_FIELDS = createContextKey('crm-suite.log-fields');

/** The library name spans are recorded under. */
export const tracer = trace.getTracer('crm-suite');

export const logFieldsIn = (active: Context = context.active()): LogFields | undefined => active.getValue(LOG_FIELDS) as LogFields | undefined;

/** Adds fields to the ones of the request, RPC or event being handled (nothing outside one). */
export function assignLogFields(fields: LogFields): void {
  const current = logFieldsIn();
  if (current) Object.assign(current, fields);
}

/** The trace id of the active span, for log lines; undefined outside a trace. */
export function activeTraceId(active: Context = context.active()): string | undefined {
  const spanContext = trace.getSpanContext(active);
  return spanContext && trace.isSpanContextValid(spanContext) ? spanContext.traceId : undefined;
}

/** The W3C `traceparent` of the active span, to carry over RPC, the bus or an HTTP answer. */
export function traceparentOf(active: Context = context.active()): string | undefined {
  const carrier: { traceparent?: string } = {};
  propagation.inject(active, carrier);
  return carrier.traceparent;
}

/** A span continuing `traceparent` when it is a valid W3C value, else the first span of a new trace, with its log fields. */
export function startSpanFrom(name: string, kind: SpanKind, traceparent: unknown, fields: LogFields): { span: Span; context: Context } {
  const parent = typeof traceparent === 'string' ? propagation.extract(ROOT_CONTEXT, { traceparent }) : ROOT_CONTEXT;
  const span = tracer.startSpan(name, { kind }, parent);
  return { span, context: trace.setSpan(parent, span).setValue(LOG_FIELDS, fields) };
}

/** Runs `work` inside such a span (and its log fields), ending the span when `work` settles. */
export async function inSpanFrom<T>(name: string, kind: SpanKind, traceparent: unknown, fields: LogFields, work: () => Promise<T>): Promise<T> {
  const { span, context: spanContext } = startSpanFrom(name, kind, traceparent, fields);
  try {
    return await context.with(spanContext, work);
  } catch (error) {
    span.setStatus({ code: SpanStatusCode.ERROR, message: (error as Error)?.message });
    throw error;
  } finally {
    span.end();
  }
}

/** A child span of the active one (an RPC call, say): its context carries the caller's log fields on. */
export function startChildSpan(name: string, kind: SpanKind): { span: Span; context: Context } {
  const active = context.active();
  const span = tracer.startSpan(name, { kind }, active);
  return { span, context: trace.setSpan(active, span) };
}
