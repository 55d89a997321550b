import { Logger } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Paths the page fallback never answers: the API's unknown routes stay JSON 404s. */
const NOT_PAGES = /^\/(?:api|health|metrics)(?:[/?]|$)/;

/** A file with an extension (a Vite asset, favicon.ico); anything else is a route of the app. */
const FILE = /\/[^/]*\.[^/]+$/;

/**
 * The web app at `/`, public on purpose: the page and its assets carry no data (every call it makes
 * is an /api route behind the access guard). A plain Fastify route, outside Nest's controllers, so
 * no guard, pipe or interceptor of the API applies to it nor can it answer under /api or /health:
 * those go to Nest's not-found handler (the JSON 404). Hashed assets are cached for a year; the page
 * itself is revalidated each time so that a new build is picked up. Security headers come from the
 * root hooks (helmet's CSP allows only this origin's scripts; the build has no inline script).
 */
export async function serveWebApp(app: NestFastifyApplication, root: string): Promise<void> {
  const logger = new Logger('WebApp');
  if (!existsSync(join(root, 'index.html'))) {
    logger.warn(`no web app at ${root} (npm run build:web builds it): / is not served`);
    return;
  }
  // serve: false: nothing is exposed by the plugin itself, only reply.sendFile within `root`;
  // cacheControl: false: the headers below decide.
  await app.register(fastifyStatic, { root, serve: false, cacheControl: false });
  app
    .getHttpAdapter()
    .getInstance()
    .get('/*', (request, reply) => {
      const path = request.url.split('?')[0];
      if (NOT_PAGES.test(path)) return reply.callNotFound();
      if (path.startsWith('/assets/')) return reply.header('cache-control', 'public, max-age=31536000, immutable').sendFile(path.slice(1));
      if (FILE.test(path)) return reply.header('cache-control', 'no-cache').sendFile(path.slice(1));
      return reply.header('cache-control', 'no-cache').type('text/html; charset=utf-8').sendFile('index.html');
    });
  logger.log(`serving the web app from ${root} at /`);
}
