import { ArgumentsHost, Catch, HttpException, Logger, RpcExceptionFilter } from '@nestjs/common';
import { ErrorBody, errorBody, isErrorBody } from '@app/contracts';
import type { FastifyReply } from 'fastify';
import { EMPTY, Observable, throwError } from 'rxjs';
import { isDatabaseUnavailable } from '@app/bus';
import { pastDeadline, refusalOf } from '../rpc/refused-requests';
import { ServiceError } from './service-error';

/**
 * Turns whatever a service handler throws into the one error shape; no stack leaves the service.
 * RPC errors travel back to the caller; on HTTP (only /health and unknown paths) it answers directly.
 */
@Catch()
export class ServiceErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('ServiceError');

  catch(exception: unknown, host: ArgumentsHost): Observable<ErrorBody> {
    const body = this.toBody(exception, host);
    if (host.getType() === 'http') {
      void host.switchToHttp().getResponse<FastifyReply>().status(body.statusCode).send(body);
      return EMPTY;
    }
    return throwError(() => body);
  }

  private toBody(exception: unknown, host: ArgumentsHost): ErrorBody {
    if (exception instanceof ServiceError) return exception.body;
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (isErrorBody(response)) return response;
      return errorBody(exception.getStatus(), typeof response === 'string' ? response : exception.message);
    }
    const rpcContext = host.getType() === 'rpc' ? host.switchToRpc().getContext() : undefined;
    // A write the commit gate cancelled at the request's commitBy (Refusal.watch): it did not land.
    if (refusalOf(rpcContext)?.cancelledLate && isQueryCanceled(exception)) return pastDeadline().body;
    const pattern = rpcContext ? rpcContext.getPattern?.() : 'an HTTP route';
    // The database restarting or away: the same 503 the gateway gives for a service that is away, so a client retries.
    if (isDatabaseUnavailable(exception)) {
      this.logger.warn(`${pattern ?? 'an RPC handler'}: the database is unavailable: ${(exception as Error)?.message ?? exception}`);
      return errorBody(503, 'The database is unavailable; try again shortly.', 'SERVICE_UNAVAILABLE');
    }
    this.logger.error(`unexpected error in ${pattern ?? 'an RPC handler'}`, (exception as Error)?.stack ?? String(exception));
    return errorBody(500, 'The service failed to handle the request; it has been logged.', 'INTERNAL');
  }
}

/** PostgreSQL's query_canceled (57014), as pg or TypeORM's wrapper carries it. */
const isQueryCanceled = (error: unknown): boolean => {
  const { code, driverError } = (error ?? {}) as { code?: unknown; driverError?: { code?: unknown } };
  return code === '57014' || driverError?.code === '57014';
};
