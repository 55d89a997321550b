import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BUS_OPTIONS, BusOptions } from '../bus-options';
import { BusConnection } from '../connection/bus-connection';
import { EventConsumer, EventHandler } from './event-consumer';

/** Starts the service's consumer on its own queue with the handlers it passes. */
@Injectable()
export class EventConsumerFactory {
  constructor(
    private readonly connection: BusConnection,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(BUS_OPTIONS) private readonly options: BusOptions,
  ) {}

  async start(handlers: Record<string, EventHandler>): Promise<EventConsumer> {
    const { service, retryDelaysMs, prefetch } = this.options;
    const consumer = new EventConsumer(this.connection, this.dataSource, { service, handlers, retryDelaysMs, prefetch });
    await consumer.start();
    return consumer;
  }
}
