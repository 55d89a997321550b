import { ArgumentsHost, Catch, ExceptionFilter, HttpException, Logger } from '@nestjs/common';
import { ErrorBody, errorBody, isErrorBody } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { loggableUrl } from '../logging/loggable-url';

/** Every HTTP error in the one shape of DESIGN.md section 8; unexpected ones are logged, not shown. */
@Catch()
export class HttpErrorFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpError');

  catch(exception: unknown, host: ArgumentsHost): void {
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const body = this.toBody(exception, request);
    void http.getResponse<FastifyReply>().status(body.statusCode).send(body);
  }

  private toBody(exception: unknown, request: FastifyRequest): ErrorBody {
    if (exception instanceof HttpException && exception.getStatus() === 415) {
      // Fastify found no parser (it reaches here as an HttpException): the body is not JSON.
      return errorBody(415, 'the body must be JSON (Content-Type: application/json)', 'UNSUPPORTED_MEDIA_TYPE');
    }
    if (exception instanceof HttpException) {
      const response = exception.getResponse();
      if (isErrorBody(response) && response.error) return response;
      const message = typeof response === 'string' ? response : ((response as { message?: unknown }).message ?? exception.message);
      return errorBody(exception.getStatus(), Array.isArray(message) ? message.join('; ') : String(message));
    }
    const status = (exception as { statusCode?: number })?.statusCode;
    if (typeof status === 'number' && status >= 400 && status < 500) {
      // Fastify's own refusals (malformed JSON, body too large, wrong content type).
      return errorBody(status, (exception as Error).message, (exception as { code?: string }).code);
    }
    this.logger.error(`${request.method} ${loggableUrl(request.url)} [${request.id}] failed`, (exception as Error)?.stack ?? String(exception));
    return errorBody(500, 'The request failed; it has been logged.', 'INTERNAL');
  }
}
