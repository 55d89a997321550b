import { jsonTextDepth, MAX_BODY_DEPTH, tooDeepProblem } from '@app/contracts';
import type { FastifyInstance } from 'fastify';
import { badInput } from '../errors/bad-input';

/**
 * Bodies are JSON and nothing else: Fastify's built-in parsers (JSON, text/plain) go, and Nest's
 * (JSON, form-urlencoded) are never registered (`bodyParser: false`), so a form, a text or a multipart
 * body is Fastify's 415, and a cross-site form cannot post a login. A body without content (`POST
 * /api/users/:id/enable`) needs no parser and passes. The one JSON parser measures the nesting of the
 * raw text before parsing, so nothing recursive ever sees 10,000 levels; it then parses as Fastify's
 * default does, with its prototype-poisoning protection. Call before Nest creates any route context.
 */
export function acceptJsonBodiesOnly(fastify: FastifyInstance): void {
  const { onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig as { onProtoPoisoning?: 'error'; onConstructorPoisoning?: 'error' };
  const parseJson = fastify.getDefaultJsonParser(onProtoPoisoning ?? 'error', onConstructorPoisoning ?? 'error');
  fastify.removeAllContentTypeParsers();
  fastify.addContentTypeParser('application/json', { parseAs: 'string' }, (request, text, done) => {
    if (jsonTextDepth(text as string, MAX_BODY_DEPTH) > MAX_BODY_DEPTH) {
      done(badInput([tooDeepProblem()]), undefined);
      return;
    }
    parseJson(request, text as string, done);
  });
}
