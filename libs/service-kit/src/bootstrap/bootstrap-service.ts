import { Logger, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { MicroserviceOptions } from '@nestjs/microservices';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { rpcTransportOptions } from '@app/bus';
import { ServiceErrorFilter } from '../errors/service-error.filter';
import { readSettings } from '../settings/settings';

/**
 * Starts identity, tickets or portal: RPC on its own queue, events through its module's consumer,
 * and HTTP only for /health on its port (services expose no business HTTP).
 */
export async function bootstrapService(service: 'identity' | 'tickets' | 'portal', module: Type<unknown>): Promise<void> {
  const settings = readSettings();
  const app = await NestFactory.create<NestFastifyApplication>(module, new FastifyAdapter(), { bufferLogs: false });
  app.useGlobalFilters(new ServiceErrorFilter());
  app.connectMicroservice<MicroserviceOptions>(rpcTransportOptions(service, settings.amqpUrl), { inheritAppConfig: true });
  app.enableShutdownHooks();
  await app.startAllMicroservices();
  const port = settings.servicePorts[service];
  await app.listen(port, process.env.HOST || '0.0.0.0');
  new Logger(service).log(`ready: health on http://127.0.0.1:${port}/health, RPC on ${service}.rpc`);
}
