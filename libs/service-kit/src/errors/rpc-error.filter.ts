import { ArgumentsHost, Catch, HttpException, Logger, RpcExceptionFilter } from '@nestjs/common';
import { ErrorBody, errorBody, isErrorBody } from '@app/contracts';
import { Observable, throwError } from 'rxjs';
import { ServiceError } from './service-error';

/** Turns whatever an RPC handler throws into the one error shape; no stack leaves the service. */
@Catch()
export class RpcErrorFilter implements RpcExceptionFilter<unknown> {
  private readonly logger = new Logger('RpcError');

  catch(exception: unknown, host: ArgumentsHost): Observable<ErrorBody> {
    return throwError(() => this.toBody(exception, host));
  }

  private toBody(exception: unknown, host: ArgumentsHost): ErrorBody {
    if (exception instanceof ServiceError) return exception.body;
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (isErrorBody(response)) return response;
      return errorBody(exception.getStatus(), typeof response === 'string' ? response : exception.message);
    }
    const pattern = host.switchToRpc().getContext()?.getPattern?.();
    this.logger.error(`unexpected error in ${pattern ?? 'an RPC handler'}`, (exception as Error)?.stack ?? String(exception));
    return errorBody(500, 'The service failed to handle the request; it has been logged.', 'INTERNAL');
  }
}
