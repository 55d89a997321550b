import { CanActivate, ExecutionContext, HttpException, Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { ThrottlerStorageService } from '@nestjs/throttler';
import { errorBody } from '@app/contracts';
import { SETTINGS, Settings } from '@app/service-kit';
import type { FastifyReply, FastifyRequest } from 'fastify';

/**
 * Rate limit of `POST /api/auth/login`, counted per account (the username, whatever its case) and
 * per client address in @nestjs/throttler's storage; past either limit the answer is 429 with
 * `Retry-After`, before identity spends an argon2 verification on it.
 */
@Injectable()
export class LoginRateLimitGuard implements CanActivate, OnApplicationShutdown {
  private readonly storage = new ThrottlerStorageService();

  constructor(@Inject(SETTINGS) private readonly settings: Settings) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const limits = this.settings.loginRate;
    const http = context.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const username = (request.body as { username?: unknown } | undefined)?.username;
    const keys: [string, number][] = [[`address:${request.ip}`, limits.perAddress]];
    if (typeof username === 'string') keys.push([`account:${username.toLowerCase()}`, limits.perAccount]);
    for (const [key, limit] of keys) {
      const record = await this.storage.increment(key, limits.windowMs, limit, limits.windowMs, 'login');
      if (record.isBlocked) {
        void http.getResponse<FastifyReply>().header('retry-after', String(Math.max(1, record.timeToBlockExpire)));
        const which = key.startsWith('account') ? 'this account' : 'this address';
        throw new HttpException(errorBody(429, `Too many login attempts for ${which}; try again in ${record.timeToBlockExpire} s.`, 'RATE_LIMITED'), 429);
      }
    }
    return true;
  }

  onApplicationShutdown(): void {
    this.storage.onApplicationShutdown();
  }
}
