import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { MixedList } from 'typeorm';
import { databaseUrlFor, Settings } from '../settings/settings';
import { SETTINGS } from '../settings/settings.module';
import { ensureDatabase } from './ensure-database';

export interface ServiceDatabaseOptions {
  service: 'identity' | 'tickets' | 'portal';
  entities: MixedList<Function>;
  migrations: MixedList<Function>;
}

/** The service's own PostgreSQL database: created if missing, migrated on start, never synchronized. */
@Module({})
export class ServiceDatabaseModule {
  static forService(options: ServiceDatabaseOptions): DynamicModule {
    return {
      module: ServiceDatabaseModule,
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
              migrationsRun: true,
              migrationsTransactionMode: 'each' as const,
              synchronize: false,
              extra: { max: 10, application_name: options.service },
            };
          },
        }),
      ],
    };
  }
}
