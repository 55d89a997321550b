import { DynamicModule, Logger, Module, Provider } from '@nestjs/common';
import type { DataSource } from 'typeorm';
import { BusLoggerFactory } from './bus-logger';
import { BUS_OPTIONS, BusOptions } from './bus-options';
import { BusConnection } from './connection/bus-connection';
import { EventConsumerFactory } from './inbox/event-consumer.factory';
import { Outbox } from './outbox/outbox';
import { SERVICE_DATA_SOURCE } from './service-data-source';

export interface BusModuleOptions {
  inject: any[];
  useFactory: (...deps: any[]) => BusOptions;
  /** Services with a database publish through the outbox and consume through the inbox; the gateway has none. */
  database: boolean;
}

const nestLogger: BusLoggerFactory = (context) => new Logger(context);

/**
 * The Nest wiring of the bus. The bus classes themselves know nothing of Nest (so they run in
 * plain tests too); Nest calls their lifecycle methods on the instances these factories return.
 */
@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    const withDatabase: Provider[] = [
      {
        provide: Outbox,
        inject: [SERVICE_DATA_SOURCE, BusConnection, BUS_OPTIONS],
        useFactory: (dataSource: DataSource, connection: BusConnection, bus: BusOptions) => new Outbox(dataSource, connection, bus, nestLogger('Outbox')),
      },
      {
        provide: EventConsumerFactory,
        inject: [SERVICE_DATA_SOURCE, BusConnection, BUS_OPTIONS],
        useFactory: (dataSource: DataSource, connection: BusConnection, bus: BusOptions) => new EventConsumerFactory(connection, dataSource, bus, nestLogger),
      },
    ];
    const providers: Provider[] = [
      { provide: BUS_OPTIONS, inject: options.inject, useFactory: options.useFactory },
      { provide: BusConnection, inject: [BUS_OPTIONS], useFactory: (bus: BusOptions) => new BusConnection(bus.amqpUrl, nestLogger('Bus')) },
      ...(options.database ? withDatabase : []),
    ];
    return { module: BusModule, global: true, providers, exports: providers };
  }
}
