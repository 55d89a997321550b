import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken } from '@nestjs/typeorm';
import { BusConnection } from '@app/bus';
import { DataSource } from 'typeorm';
import { HEALTH_CHECKS, HealthCheck } from './health-check';
import { HealthController } from './health.controller';

/** `/health`: the broker connection always, the service's database where it has one. */
@Module({})
export class HealthModule {
  static forRoot(options: { database: boolean }): DynamicModule {
    return {
      module: HealthModule,
      controllers: [HealthController],
      providers: [
        {
          provide: HEALTH_CHECKS,
          inject: options.database ? [BusConnection, getDataSourceToken()] : [BusConnection],
          useFactory: (bus: BusConnection, dataSource?: DataSource): HealthCheck[] => [
            { name: 'broker', isUp: async () => bus.isConnected() },
            ...(dataSource ? [{ name: 'database', isUp: async () => (await dataSource.query('SELECT 1')).length === 1 }] : []),
          ],
        },
      ],
    };
  }
}
