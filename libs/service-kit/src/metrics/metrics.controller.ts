import { Controller, Get, HttpException, Inject, Req, Res } from '@nestjs/common';
import { errorBody } from '@app/contracts';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { register } from 'prom-client';
import { timingSafeEqual } from 'node:crypto';
import { Public } from '../health/public.decorator';
import { OperationsSettings } from '../settings/operations-settings';
import { OPERATIONS_SETTINGS } from './metrics.constants';

/** Prometheus text at `/metrics` (outside `/api` on the gateway); open unless METRICS_TOKEN is set. */
@Controller('metrics')
@Public()
export class MetricsController {
  private readonly expected: Buffer | null;

  constructor(@Inject(OPERATIONS_SETTINGS) settings: OperationsSettings) {
    this.expected = settings.metricsToken === null ? null : Buffer.from(`Bearer ${settings.metricsToken}`);
  }

  @Get()
  async metrics(@Req() request: FastifyRequest, @Res() reply: FastifyReply): Promise<void> {
    if (this.expected && !this.authorized(request.headers.authorization)) {
      throw new HttpException(errorBody(401, 'Metrics need the bearer token set in METRICS_TOKEN.', 'NOT_AUTHENTICATED'), 401);
    }
    const text = await register.metrics();
    await reply.header('content-type', register.contentType).header('cache-control', 'no-store').send(text);
  }

  private authorized(given: string | undefined): boolean {
    const presented = Buffer.from(given ?? '');
    return presented.length === this.expected!.length && timingSafeEqual(presented, this.expected!);
  }
}
