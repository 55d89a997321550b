import { DynamicModule, Module } from '@nestjs/common';
import { HealthIndicatorService, TerminusModule } from '@nestjs/terminus';
import { BusConnection, SERVICE_DATA_SOURCE } from '@app/bus';
import type { DataSource } from 'typeorm';
import { readOperationsSettings } from '../settings/operations-settings';
import { HEALTH_CHECKS, HealthCheck } from './health-check';
import { HealthProbesController, READINESS_CHECKS } from './health-probes.controller';
import { HealthController } from './health.controller';
import { readinessChecks } from './readiness-checks';

/**
 * `/health`: the broker connection always, the service's database where it has one; `/health/live`
 * and `/health/ready` (terminus) beside it, ready adding the outbox lag.
 */
@Module({})
export class HealthModule {
  static forRoot(options: { database: boolean }): DynamicModule {
    const dependencies = options.database ? [BusConnection, SERVICE_DATA_SOURCE] : [BusConnection];
    return {
      module: HealthModule,
      imports: [TerminusModule.forRoot({ errorLogStyle: 'json' })],
      controllers: [HealthController, HealthProbesController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: dependencies,
          useFactory: (bus: BusConnection, dataSource?: DataSource): HealthCheck[] => [
            { name: 'broker', isUp: async () => bus.isConnected() },
            ...(dataSource ? [{ name: 'database', isUp: async () => (await dataSource.query('SELECT 1')).length === 1 }] : []),
          ],
        },
        {
          provide: READINESS_CHECKS,
          inject: [HealthIndicatorService, ...dependencies],
          useFactory: (indicators: HealthIndicatorService, bus: BusConnection, dataSource?: DataSource) =>
            readinessChecks(indicators, bus, dataSource ?? null, readOperationsSettings().outboxLagReadyMs),
        },
      ],
    };
  }
}
