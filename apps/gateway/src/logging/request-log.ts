import type { LogFields } from '@app/bus';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { HttpLogger, pinoHttp } from 'pino-http';
import { loggableUrl } from './loggable-url';

/** Where the request's log fields and trace id wait for its closing line (on the raw request). */
export const REQUEST_LOG = Symbol('request log fields');

export interface RequestLogFields extends LogFields {
  requestId: string;
  traceId?: string;
}

type LoggedRequest = IncomingMessage & { [REQUEST_LOG]?: RequestLogFields };

/** Probes and scrapes come every few seconds and say nothing new: no line for them. */
const UNLOGGED = /^\/(health|metrics)(\/|\?|$)/;

const closingLine = (req: LoggedRequest, res: ServerResponse, ms: number) => {
  const fields = req[REQUEST_LOG];
  return { requestId: fields?.requestId, userId: fields?.userId, traceId: fields?.traceId, method: req.method, url: loggableUrl(req.url ?? ''), status: res.statusCode, ms };
};

/**
 * pino-http's line per request, and only that: method, the URL with credentials stripped from its
 * query, status, milliseconds, request id, user id and trace id. Nothing of the request is bound to
 * its logger (no headers serialized per request); lines logged while it is handled take the same
 * ids from the active context.
 */
export function requestLogger(root: Logger): HttpLogger {
  return pinoHttp({
    logger: root,
    genReqId: (req) => (req as LoggedRequest)[REQUEST_LOG]?.requestId ?? '',
    wrapSerializers: false,
    serializers: { req: () => undefined, res: () => undefined },
    autoLogging: { ignore: (req) => UNLOGGED.test(req.url ?? '') },
    customLogLevel: (_req, res, error) => (error || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value) => closingLine(req, res, (value as { responseTime: number }).responseTime),
    customErrorObject: (req, res, error, value) => ({ ...closingLine(req, res, (value as { responseTime: number }).responseTime), err: error }),
  });
}
