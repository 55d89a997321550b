import { Controller, Get, HttpStatus, Inject, Res } from '@nestjs/common';
import type { FastifyReply } from 'fastify';
import { HEALTH_CHECKS, HealthCheck, withDeadline } from './health-check';
import { Public } from './public.decorator';

@Controller('health')
export class HealthController {
  constructor(@Inject(HEALTH_CHECKS) private readonly checks: HealthCheck[]) {}

  @Get()
  @Public()
  async health(@Res() reply: FastifyReply): Promise<void> {
    const results = await Promise.all(this.checks.map(async (c) => [c.name, (await withDeadline(c.isUp(), 2000)) ? 'up' : 'down'] as const));
    const checks = Object.fromEntries(results);
    const up = results.every(([, state]) => state === 'up');
    await reply.status(up ? HttpStatus.OK : HttpStatus.SERVICE_UNAVAILABLE).send({ status: up ? 'ok' : 'down', checks });
  }
}
