import { DynamicModule, Module } from '@nestjs/common';
import { getDataSourceToken, TypeOrmModule } from '@nestjs/typeorm';
import { SERVICE_DATA_SOURCE } from '@app/bus';
import { DataSource, MixedList } from 'typeorm';
import { databaseUrlFor, Settings } from '../settings/settings';
import { SETTINGS } from '../settings/settings.module';
import { ensureDatabase } from './ensure-database';
import { migrateUnderLock } from './migrate-under-lock';
import { RefusedCommitGate } from './refused-commit-gate';

export interface ServiceDatabaseOptions {
  service: 'identity' | 'tickets' | 'portal';
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

/**
 * The service's own PostgreSQL database: created if missing, migrated on start, never synchronized.
 * Global, so that the bus, health and metrics modules find its DataSource under SERVICE_DATA_SOURCE.
 */
@Module({})
export class ServiceDatabaseModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: ServiceDatabaseModule,
      global: true,
      providers: [{ provide: SERVICE_DATA_SOURCE, useExisting: getDataSourceToken() }],
      exports: [SERVICE_DATA_SOURCE],
      imports: [
        TypeOrmModule.forRootAsync({
          inject: [SETTINGS],
          useFactory: async (settings: Settings) => {
            const database = settings.databases[options.service];
            await ensureDatabase(settings.databaseUrl, database);
            return {
              type: 'postgres' as const,
              url: databaseUrlFor(settings.databaseUrl, database),
              entities: options.entities,
              migrations: options.migrations,
              // Run below, under a lock: processes of one service may start together.
              migrationsRun: false,
              synchronize: false,
              extra: { max: 10, application_name: options.service },
            };
          },
          dataSourceFactory: async (options) => {
            const dataSource = await new DataSource(options!).initialize();
            // A failed migration closes the pool before Nest's retry opens another.
            await migrateUnderLock(dataSource).catch(async (error: unknown) => {
              await dataSource.destroy();
              throw error;
            });
            // A request's transaction does not commit once the drain refused it or past its commitBy.
            dataSource.subscribers.push(new RefusedCommitGate());
            return dataSource;
          },
        }),
      ],
    };
  }
}
