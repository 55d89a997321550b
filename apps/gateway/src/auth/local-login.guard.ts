import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { LoginDto, validateDto } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { badInput } from '../errors/bad-input';
import { setLockRetryAfter } from './lock-retry-after';

/**
 * Checks the login body before passport sees it (guards run before pipes), so a malformed login is
 * a 400 naming the field rather than a 401. Roles may come as `?roles=A,B` (Aurea's URL form).
 */
@Injectable()
export class LocalLoginGuard extends AuthGuard('local') {
  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<FastifyRequest & { loginInput?: LoginDto }>();
    const checked = await validateDto(LoginDto, withQueryRoles(request.body ?? {}, request.query as { roles?: string }));
    if (checked.value === null) throw badInput(checked.problems);
    request.loginInput = checked.value;
    try {
      return (await super.canActivate(context)) as boolean;
    } catch (error) {
      setLockRetryAfter(error, context.switchToHttp().getResponse<FastifyReply>());
      throw error;
    }
  }
}

const withQueryRoles = (body: unknown, query: { roles?: string }): unknown => {
  const isObject = typeof body === 'object' && body !== null && !Array.isArray(body);
  if (!isObject || 'roles' in body || typeof query.roles !== 'string') return body;
  return { ...body, roles: query.roles.split(',').map((name) => name.trim()).filter(Boolean) };
};
