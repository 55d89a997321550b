import { HttpException } from '@nestjs/common';
import { isErrorBody } from '@app/contracts';
import type { FastifyReply } from 'fastify';

/**
 * A temporary lock (identity's 423 LOCKED with `details.retryAfterSeconds`) tells the client when to
 * come back: the `Retry-After` header of RFC 9110, in seconds.
 */
export function setLockRetryAfter(error: unknown, reply: FastifyReply): void {
  if (!(error instanceof HttpException)) return;
  const body = error.getResponse();
  if (!isErrorBody(body) || body.code !== 'LOCKED') return;
  const seconds = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
  if (typeof seconds === 'number' && Number.isInteger(seconds) && seconds > 0) void reply.header('retry-after', String(seconds));
}
