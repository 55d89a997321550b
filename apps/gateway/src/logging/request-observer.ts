import { startSpanFrom, traceparentOf } from '@app/bus';
import { context, Context, Span, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Logger } from 'pino';
import { REQUEST_LOG, RequestLogFields, requestLogger } from './request-log';

const TRACE = Symbol('request trace');

type ObservedRequest = FastifyRequest & { [TRACE]?: { span: Span; context: Context } };

/**
 * Every request: a server span continuing the caller's W3C `traceparent` (or starting a trace),
 * echoed as `traceparent` on the answer; the request log line; and, from the route's first hook
 * on, the trace and the log fields as the active context, so RPC calls carry them on and every line
 * logged while the request is handled names its request id, user id and trace id.
 */
export function observeRequests(fastify: FastifyInstance, root: Logger): void {
  const log = requestLogger(root);
  fastify.addHook('onRequest', (request: ObservedRequest, reply, done) => {
    const fields: RequestLogFields = { requestId: String(request.id) };
    const trace = startSpanFrom(request.method, SpanKind.SERVER, request.headers.traceparent, fields);
    fields.traceId = trace.span.spanContext().traceId;
    request[TRACE] = trace;
    (request.raw as typeof request.raw & { [REQUEST_LOG]?: RequestLogFields })[REQUEST_LOG] = fields;
    const traceparent = traceparentOf(trace.context);
    if (traceparent) reply.header('traceparent', traceparent);
    log(request.raw, reply.raw);
    done();
  });
  // Entered here rather than on request: body parsing in between runs outside any context.
  fastify.addHook('preHandler', (request: ObservedRequest, _reply, done) => {
    const trace = request[TRACE];
    if (trace) context.with(trace.context, done);
    else done();
  });
  fastify.addHook('onResponse', (request: ObservedRequest, reply, done) => {
    const span = request[TRACE]?.span;
    if (span) {
      span.setAttribute('http.response.status_code', reply.statusCode);
      if (reply.statusCode >= 500) span.setStatus({ code: SpanStatusCode.ERROR });
      span.updateName(`${request.method} ${request.routeOptions.url ?? ''}`.trim());
      span.end();
    }
    done();
  });
}
