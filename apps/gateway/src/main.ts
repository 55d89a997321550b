import 'reflect-metadata';
import { Logger } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import {
  codeCacheOutcome,
  createAccessLogger,
  exitWithin,
  HealthController,
  HealthProbesController,
  MetricsController,
  readSettings,
  recordHttpDurations,
  rememberValidationRules,
  startObservability,
  stopWhenSupervisorGoes,
} from '@app/service-kit';
import { randomUUID } from 'node:crypto';
import { resolve } from 'node:path';
import { assertEveryRouteDeclares } from './access/route-declarations';
import { HttpErrorFilter } from './errors/http-error.filter';
import { InputValidationPipe } from './errors/validation.pipe';
import { GATEWAY_CONTROLLERS } from './gateway.controllers';
import { GatewayModule } from './gateway.module';
import { limitBodyArrival } from './http/request-arrival';
import { acceptJsonBodiesOnly } from './http/json-bodies';
import { refuseUnstorableInput } from './http/input-hook';
import { allowConfiguredOrigins, markAnswers, useSecurityHeaders } from './http/response-headers';
import { serveWebApp } from './http/web-app';
import { observeRequests } from './logging/request-observer';
import { setUpOpenApi } from './openapi';

const REQUEST_ID = /^[\w.:-]{1,128}$/;

/** Where `npm run build:web` puts the pages: dist/web beside dist/apps (this file, bundled or not, is dist/apps/gateway/src/main.js). */
const WEB_APP_ROOT = resolve(__dirname, '../../../web');

const trustNearest =
  (hops: number) =>
  (_address: string, hop: number): boolean =>
    hop < hops;

/** How often Node looks for requests past the limit (its default, 30 s, would let a short limit run far over). */
const checkingInterval = (requestTimeoutMs: number): number => (requestTimeoutMs > 0 ? Math.min(30_000, Math.max(100, Math.floor(requestTimeoutMs / 4))) : 30_000);

async function bootstrap(): Promise<void> {
  stopWhenSupervisorGoes();
  assertEveryRouteDeclares([...GATEWAY_CONTROLLERS, HealthController, HealthProbesController, MetricsController]);
  const settings = readSettings();
  const { nestLogger } = startObservability('gateway');
  rememberValidationRules();
  // X-Request-Id: taken from the caller when it is sane, created otherwise, echoed on every answer.
  const adapter = new FastifyAdapter({
    // An avatar of 1 MiB travels as base64 in JSON (4/3 of it): room for that and the other fields.
    bodyLimit: 2 * 1024 * 1024,
    // Behind nginx (docker-compose) or an ingress controller, request.ip (the login limit per address)
    // is the client's only if that proxy is believed about X-Forwarded-For.
    // A hop count as Fastify counts it (the adapter's types take no number): the nearest `hops` peers.
    trustProxy: typeof settings.trustProxy === 'number' ? trustNearest(settings.trustProxy) : settings.trustProxy,
    // Node's own limit on receiving a request (300 s), which Fastify turns off unless given one.
    requestTimeout: settings.httpRequestTimeoutMs,
    http: { connectionsCheckingInterval: checkingInterval(settings.httpRequestTimeoutMs) },
    genReqId: (request: { headers: Record<string, string | string[] | undefined> }) => {
      const given = request.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
  });
  // On the root instance before Nest adds routes, so that every route context inherits them.
  observeRequests(adapter.getInstance(), createAccessLogger('gateway'));
  acceptJsonBodiesOnly(adapter.getInstance());
  refuseUnstorableInput(adapter.getInstance());
  limitBodyArrival(adapter.getInstance(), settings.httpRequestTimeoutMs);
  markAnswers(adapter.getInstance());
  recordHttpDurations(adapter.getInstance());
  // bodyParser: false: Nest would add its JSON and form-urlencoded parsers; bodies are JSON only (http/json-bodies).
  const app = await NestFactory.create<NestFastifyApplication>(GatewayModule, adapter, { bodyParser: false, logger: nestLogger });
  useSecurityHeaders(app);
  allowConfiguredOrigins(app, settings.corsOrigins);
  // Probes and metrics sit outside /api, where load balancers and Prometheus look for them.
  app.setGlobalPrefix('api', { exclude: ['health', 'health/live', 'health/ready', 'metrics'] });
  app.useGlobalPipes(new InputValidationPipe());
  app.useGlobalFilters(new HttpErrorFilter());
  // On SIGTERM Fastify stops accepting connections and finishes in-flight requests before the RPC clients close.
  app.enableShutdownHooks();
  exitWithin(settings.shutdownTimeoutMs, 'gateway');
  setUpOpenApi(app);
  await serveWebApp(app, WEB_APP_ROOT);
  await app.listen(settings.gatewayPort, process.env.HOST || '0.0.0.0');
  new Logger('gateway').log({ msg: `ready: http://127.0.0.1:${settings.gatewayPort}/api`, codeCache: codeCacheOutcome() });
}

void bootstrap();
