import type { INestApplication } from '@nestjs/common';
import type { FastifyInstance } from 'fastify';

const API_PATH = /^\/api(?:[/?]|$)/;

/**
 * Answers of /api are never stored by a browser or a proxy: they carry sessions, tokens and personal
 * data. Every answer also echoes its X-Request-Id. A callback hook: no promise per answer.
 */
export function markAnswers(fastify: FastifyInstance): void {
  fastify.addHook('onSend', (request, reply, payload, done) => {
    reply.header('x-request-id', request.id);
    if (API_PATH.test(request.url)) reply.header('cache-control', 'no-store');
    done(null, payload);
  });
}

/**
 * helmet's headers (Nest 12's built-in `useSecurityHeaders`, helmet 8's defaults) with frames denied
 * outright, and a CSP the Swagger UI at /api/docs works under: its own scripts and styles, its inline
 * styles, and data: images. No `upgrade-insecure-requests`: the suite serves plain HTTP on localhost,
 * where it would break the docs page; TLS is the proxy's job, which HSTS then pins.
 */
export function useSecurityHeaders(app: INestApplication): void {
  app.useSecurityHeaders({
    contentSecurityPolicy: { directives: { frameAncestors: ["'none'"], upgradeInsecureRequests: null } },
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: true },
  });
}

/** CORS only for the configured origins (CORS_ORIGINS); none configured, no CORS headers at all. */
export function allowConfiguredOrigins(app: INestApplication, origins: string[]): void {
  if (origins.length) app.enableCors({ origin: origins, exposedHeaders: ['x-request-id'] });
}
