import { HttpException } from '@nestjs/common';
import { readIdempotencyKey } from './idempotency-key';
import { AuthenticatedRequest, callContext } from '../auth/principal';
import { CallContext } from '../rpc/rpc.client';

/** The key of a request, or a 400 naming the header. */
export function idempotencyKeyOf(header: string | string[] | undefined, required: true): string;
export function idempotencyKeyOf(header: string | string[] | undefined, required?: false): string | undefined;
export function idempotencyKeyOf(header: string | string[] | undefined, required = false): string | undefined {
  const read = readIdempotencyKey(header, required);
  if ('error' in read) throw new HttpException(read.error, read.error.statusCode);
  return read.key;
}

/** The call context of a creating route: the caller's optional `Idempotency-Key` travels with it. */
export const keyedCallContext = (request: AuthenticatedRequest): CallContext => ({ ...callContext(request), idempotencyKey: idempotencyKeyOf(request.headers['idempotency-key']) });
