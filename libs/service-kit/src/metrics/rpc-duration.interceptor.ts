import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { PATTERN_METADATA } from '@nestjs/microservices/constants';
import { Observable, tap } from 'rxjs';
import { outcomeOfStatus, rpcServerDuration } from './rpc-metrics';

/**
 * Times every message handler (`rpc_server_duration_seconds`); HTTP routes pass untouched. The
 * pattern is read once per handler from its `@MessagePattern`, so a request costs a clock read and
 * one histogram observe.
 */
@Injectable()
export class RpcDurationInterceptor implements NestInterceptor {
  private readonly patterns = new WeakMap<Function, string>();

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'rpc') return next.handle();
    const pattern = this.patternOf(context.getHandler());
    const started = performance.now();
    const observe = (outcome: string) => rpcServerDuration.observe({ pattern, outcome }, (performance.now() - started) / 1000);
    return next.handle().pipe(
      tap({
        complete: () => observe('ok'),
        error: (error: { body?: { statusCode?: unknown }; getStatus?: () => number }) => observe(outcomeOfStatus(error?.body?.statusCode ?? error?.getStatus?.())),
      }),
    );
  }

  private patternOf(handler: Function): string {
    let pattern = this.patterns.get(handler);
    if (pattern === undefined) {
      const declared: unknown[] | undefined = Reflect.getMetadata(PATTERN_METADATA, handler);
      pattern = declared?.map((p) => (typeof p === 'string' ? p : JSON.stringify(p))).join(',') ?? 'unknown';
      this.patterns.set(handler, pattern);
    }
    return pattern;
  }
}
