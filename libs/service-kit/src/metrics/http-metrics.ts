import type { FastifyInstance } from 'fastify';
import { Histogram } from 'prom-client';
import { DURATION_BUCKETS } from './duration-buckets';

export const httpRequestDuration = new Histogram({
  name: 'http_request_duration_seconds',
  help: 'HTTP requests by method, route pattern (e.g. /api/tickets/:id; "unmatched" for a path no route serves) and status.',
  labelNames: ['method', 'route', 'status'] as const,
  buckets: DURATION_BUCKETS,
});

/**
 * Times every answer on Fastify's own clock (`reply.elapsedTime`), labelled by the route's pattern,
 * never the raw URL, so ids and query strings cannot multiply the series. Added to the root instance
 * before Nest registers its routes, so every route inherits the hook.
 */
export function recordHttpDurations(fastify: FastifyInstance): void {
  fastify.addHook('onResponse', (request, reply, done) => {
    httpRequestDuration.observe({ method: request.method, route: request.routeOptions.url ?? 'unmatched', status: reply.statusCode }, reply.elapsedTime / 1000);
    done();
  });
}
