import { Controller, Get, Inject, ServiceUnavailableException, Res } from '@nestjs/common';
import { HealthCheckResult, HealthCheckService, HealthIndicatorFunction, HealthIndicatorService } from '@nestjs/terminus';
import type { FastifyReply } from 'fastify';
import { Public } from './public.decorator';

export const READINESS_CHECKS = Symbol('READINESS_CHECKS');

/**
 * Kubernetes' probes beside the older `/health`: live says the process answers (restart it if not),
 * ready says it can serve now (take it out of the load balancer if not). Terminus's answer as it is:
 * `{ status, info, error, details }`, 200 or 503.
 */
@Controller('health')
@Public()
export class HealthProbesController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly indicators: HealthIndicatorService,
    @Inject(READINESS_CHECKS) private readonly readiness: HealthIndicatorFunction[],
  ) {}

  @Get('live')
  async live(@Res() reply: FastifyReply): Promise<void> {
    await this.answer(reply, () => this.health.check([() => this.indicators.check('process').up({ uptimeSeconds: Math.round(process.uptime()) })]));
  }

  @Get('ready')
  async ready(@Res() reply: FastifyReply): Promise<void> {
    await this.answer(reply, () => this.health.check(this.readiness));
  }

  /** Sends terminus's result itself: the error filters would reshape a 503 into the error body and drop the checks. */
  private async answer(reply: FastifyReply, check: () => Promise<HealthCheckResult>): Promise<void> {
    try {
      await reply.header('cache-control', 'no-store').status(200).send(await check());
    } catch (error) {
      if (!(error instanceof ServiceUnavailableException)) throw error;
      await reply.header('cache-control', 'no-store').status(503).send(error.getResponse());
    }
  }
}
