import { DynamicModule, Module, Provider } from '@nestjs/common';
import { BUS_OPTIONS, BusOptions } from './bus-options';
import { BusConnection } from './connection/bus-connection';
import { OutboxService } from './outbox/outbox.service';

export interface BusModuleOptions {
  inject: any[];
  useFactory: (...deps: any[]) => BusOptions;
  /** Services with a database publish through the outbox; the gateway has none. */
  outbox: boolean;
}

@Module({})
export class BusModule {
  static forRoot(options: BusModuleOptions): DynamicModule {
    const providers: Provider[] = [
      { provide: BUS_OPTIONS, inject: options.inject, useFactory: options.useFactory },
      { provide: BusConnection, inject: [BUS_OPTIONS], useFactory: (bus: BusOptions) => new BusConnection(bus.amqpUrl) },
      ...(options.outbox ? [OutboxService] : []),
    ];
    return {
      module: BusModule,
      global: true,
      providers,
      exports: providers,
    };
  }
}
