import { CallHandler, ExecutionContext, NestInterceptor } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { context, SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { startSpanFrom } from '@app/bus';
import type { RpcRequest } from '@app/contracts';
import { Observable } from 'rxjs';
import { outcomeOfStatus, rpcServerDuration } from '../metrics/rpc-metrics';
import { withRefusalOf } from './refused-requests';

type HandlerError = Error & { body?: { statusCode?: unknown }; getStatus?: () => number };

/**
 * Every RPC handler of a service, observed: it runs in the trace the gateway's `traceparent` names,
 * with the request id and the user id on every line it logs (nothing is logged per RPC: the gateway's
 * request line covers it), and its time to reply is `rpc_server_duration_seconds` by pattern and
 * outcome. One interceptor for both, because each interceptor is a layer of observables Nest builds
 * per request (docs/BENCHMARKS.md, "Read, fifth round"). HTTP routes pass untouched.
 */
export class RpcObservationInterceptor implements NestInterceptor {
  /** Each handler's declared pattern, read once. */
  private readonly patterns = new WeakMap<Function, string>();

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'rpc') return next.handle();
    const started = performance.now();
    const pattern = this.patternOf(execution.getHandler());
    const request = (execution.switchToRpc().getData() ?? {}) as Partial<RpcRequest>;
    const fields = { requestId: typeof request.requestId === 'string' ? request.requestId : undefined, userId: request.actor?.userId };
    return new Observable((subscriber) => {
      const { span, context: spanContext } = startSpanFrom(pattern, SpanKind.SERVER, request.traceparent, fields);
      const finished = (outcome: string) => {
        rpcServerDuration.observe({ pattern, outcome }, (performance.now() - started) / 1000);
        span.end();
      };
      // Subscribing inside the context is what puts the handler (and all it awaits) in it.
      // With the request's refusal (refused-requests.ts: by the drain, or past its commitBy), which its commits look for.
      const subscription = context.with(withRefusalOf(execution.switchToRpc().getContext(), spanContext), () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: HandlerError) => {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message });
            finished(outcomeOfStatus(error?.body?.statusCode ?? error?.getStatus?.()));
            subscriber.error(error);
          },
          complete: () => {
            finished('ok');
            subscriber.complete();
          },
        }),
      );
      return () => subscription.unsubscribe();
    });
  }

  private patternOf(handler: Function): string {
    let pattern = this.patterns.get(handler);
    if (pattern === undefined) {
      const declared: unknown[] | undefined = Reflect.getMetadata(PATTERN_METADATA, handler);
      pattern = declared?.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(',') ?? handler.name;
      this.patterns.set(handler, pattern);
    }
    return pattern;
  }
}
