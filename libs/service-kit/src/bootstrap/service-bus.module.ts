import { DynamicModule } from '@nestjs/common';
import { BusModule } from '@app/bus';
import { Settings } from '../settings/settings';
import { SETTINGS } from '../settings/settings.module';

/** The bus wired from the service's settings; `database` for services with an outbox and an inbox. */
export const serviceBusModule = (service: string, database: boolean): DynamicModule =>
  BusModule.forRoot({
    database,
    inject: [SETTINGS],
    useFactory: (s: Settings) => ({ service, amqpUrl: s.amqpUrl, prefetch: s.busPrefetch, retryDelaysMs: s.busRetryDelaysMs, outboxPollMs: s.outboxPollMs, queueType: s.amqpQueueType }),
  });
