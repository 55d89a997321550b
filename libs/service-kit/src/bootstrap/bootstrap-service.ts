import { Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { CustomStrategy } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { rpcTransportOptions } from '@app/bus';
import { ServiceErrorFilter } from '../errors/service-error.filter';
import { startObservability } from '../logging/observability';
import { RpcObservationInterceptor } from '../rpc/rpc-observation.interceptor';
import { readSettings } from '../settings/settings';
import { DrainingRmqServer } from '../shutdown/draining-rmq-server';
import { exitWithin } from '../shutdown/exit-within';
import { stopWhenSupervisorGoes } from '../shutdown/stop-with-supervisor';
import { rememberValidationRules } from '../validation/remembered-validation-rules';
import { codeCacheOutcome } from './code-cache-outcome';

/**
 * Starts identity, tickets or portal: RPC on its own queue, events through its module's consumer,
 * and HTTP only for /health on its port (services expose no business HTTP).
 */
export async function bootstrapService(service: 'identity' | 'tickets' | 'portal', module: Type<unknown>): Promise<void> {
  stopWhenSupervisorGoes();
  const settings = readSettings();
  const { nestLogger } = startObservability(service);
  rememberValidationRules();
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { logger: nestLogger });
  app.useGlobalFilters(new ServiceErrorFilter());
  app.useGlobalInterceptors(new RpcObservationInterceptor());
  // Half the bound for in-flight requests, the rest for the event consumer and the outbox relay.
  const rpc = new DrainingRmqServer(rpcTransportOptions(service, settings.amqpUrl, settings.amqpQueueType).options, Math.floor(settings.shutdownTimeoutMs / 2));
  app.connectMicroservice<CustomStrategy>({ strategy: rpc }, { inheritAppConfig: true });
  app.enableShutdownHooks();
  exitWithin(settings.shutdownTimeoutMs, service);
  await app.startAllMicroservices();
  const port = settings.servicePorts[service];
  await app.listen(port, process.env.HOST || '0.0.0.0');
  new Logger(service).log({ msg: `ready: health on http://127.0.0.1:${port}/health, RPC on ${service}.rpc`, codeCache: codeCacheOutcome() });
}
