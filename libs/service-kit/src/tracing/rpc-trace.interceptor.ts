import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { SpanKind, SpanStatusCode, context } from '@opentelemetry/api';
import { startSpanFrom } from '@app/bus';
import type { RpcRequest } from '@app/contracts';
import { Observable } from 'rxjs';

/**
 * Runs every RPC handler in the trace the gateway's `traceparent` names, with the request id and the
 * user id on every line it logs. Nothing is logged per RPC: the gateway's request line covers it.
 */
@Injectable()
export class RpcTraceInterceptor implements NestInterceptor {
  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (execution.getType() !== 'rpc') return next.handle();
    const request = (execution.switchToRpc().getData() ?? {}) as Partial<RpcRequest>;
    const pattern = (execution.switchToRpc().getContext() as { getPattern?: () => string } | undefined)?.getPattern?.() ?? execution.getHandler().name;
    const fields = { requestId: typeof request.requestId === 'string' ? request.requestId : undefined, userId: request.actor?.userId };
    return new Observable((subscriber) => {
      const { span, context: spanContext } = startSpanFrom(String(pattern), SpanKind.SERVER, request.traceparent, fields);
      // Subscribing inside the context is what puts the handler (and all it awaits) in it.
      const subscription = context.with(spanContext, () =>
        next.handle().subscribe({
          next: (value) => subscriber.next(value),
          error: (error: Error) => {
            span.setStatus({ code: SpanStatusCode.ERROR, message: error?.message });
            span.end();
            subscriber.error(error);
          },
          complete: () => {
            span.end();
            subscriber.complete();
          },
        }),
      );
      return () => subscription.unsubscribe();
    });
  }
}
