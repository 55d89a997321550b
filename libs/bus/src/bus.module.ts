import { DynamicModule, Module, Provider } from '@nestjs/common';
import { BUS_OPTIONS, BusOptions } from './bus-options';
import { BusConnection } from './connection/bus-connection';
import { EventConsumerFactory } from './inbox/event-consumer.factory';
import { OutboxService } from './outbox/outbox.service';

export interface BusModuleOptions {
  inject: any[];
  useFactory: (...deps: any[]) => BusOptions;
  /** Services with a database publish through the outbox and consume through the inbox; the gateway has none. */
  database: boolean;
}

@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: BUS_OPTIONS, inject: options.inject, useFactory: options.useFactory },
      { provide: BusConnection, inject: [BUS_OPTIONS], useFactory: (bus: BusOptions) => new BusConnection(bus.amqpUrl) },
      ...(options.database ? [OutboxService, EventConsumerFactory] : []),
    ];
    return {
      module: BusModule,
      global: true,
      providers,
      exports: providers,
    };
  }
}
