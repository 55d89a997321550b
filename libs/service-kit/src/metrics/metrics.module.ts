import { DynamicModule, Module } from '@nestjs/common';
import { BUS_OPTIONS, BusConnection, BusOptions, EventConsumerFactory, SERVICE_DATA_SOURCE } from '@app/bus';
import { collectDefaultMetrics, register } from 'prom-client';
import type { DataSource } from 'typeorm';
import { readOperationsSettings } from '../settings/operations-settings';
import { OPERATIONS_SETTINGS } from './metrics.constants';
import { MetricsController } from './metrics.controller';
import { registerScrapedGauges } from './scraped-gauges';

const SCRAPED_METRICS = Symbol('SCRAPED_METRICS');

let defaultMetricsStarted = false;

// The event-loop lag histogram samples with a timer; prom-client's 10 ms woke every service 100
// times a second, busy or idle, a context switch each on a machine the suite shares with PostgreSQL
// and RabbitMQ (docs/BENCHMARKS.md, "Idle wake-ups"). Ten samples a second still see a blocked loop.
const EVENT_LOOP_SAMPLE_MS = 100;

/**
 * `/metrics` on the service's HTTP port (docs/OPERATIONS.md lists the series): Node's default
 * metrics, RPC handler durations (timed by RpcObservationInterceptor), the bus counters
 * (libs/bus/src/metrics), and gauges read when scraped. `database`: the service has an outbox, an
 * inbox and a pool to report.
 */
@Module({})
export class MetricsModule {
  static forRoot(options: { database: boolean }): DynamicModule {
    return {
      module: MetricsModule,
      controllers: [MetricsController],
      providers: [
        { provide: OPERATIONS_SETTINGS, useFactory: () => readOperationsSettings() },
        {
          provide: SCRAPED_METRICS,
          inject: options.database ? [BUS_OPTIONS, BusConnection, SERVICE_DATA_SOURCE, EventConsumerFactory] : [BUS_OPTIONS, BusConnection],
          useFactory: (bus: BusOptions, connection: BusConnection, dataSource?: DataSource, consumers?: EventConsumerFactory) => {
            // Every series says which service it came from, whatever the scraper's relabelling.
            register.setDefaultLabels({ service: bus.service });
            if (!defaultMetricsStarted) collectDefaultMetrics({ eventLoopMonitoringPrecision: EVENT_LOOP_SAMPLE_MS });
            defaultMetricsStarted = true;
            registerScrapedGauges(connection, dataSource ?? null, consumers ?? null);
            return true;
          },
        },
      ],
    };
  }
}
