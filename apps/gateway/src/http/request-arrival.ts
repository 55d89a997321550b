import type { FastifyInstance } from 'fastify';

/**
 * A request's body must arrive in full within `HTTP_REQUEST_TIMEOUT_MS` of its headers. Node's own
 * `requestTimeout` (set on the server, for the headers) watches only until they are in: once the
 * request is handed on, a client that sends part of a body and then nothing would hold its connection
 * for good (slowloris), even after an answer that never read the body (a 415), as Node then drains it.
 * Past the limit the request is answered 408 in the error shape, unless something was answered already,
 * and its connection is closed. Requests without a body (no `Content-Length`, no `Transfer-Encoding`)
 * cost nothing here. Call before Nest creates any route context.
 */
export function limitBodyArrival(fastify: FastifyInstance, timeoutMs: number): void {
  if (timeoutMs <= 0) return;
  const seconds = Number((timeoutMs / 1000).toFixed(1));
  fastify.addHook('onRequest', (request, reply, done) => {
    const raw = request.raw;
    const hasBody = raw.headers['transfer-encoding'] !== undefined || Number(raw.headers['content-length'] ?? 0) > 0;
    if (!hasBody || raw.complete) return done();
    const timer = setTimeout(() => {
      if (raw.complete) return;
      const socket = raw.socket;
      if (reply.sent || reply.raw.headersSent) {
        socket.destroy();
        return;
      }
      reply.raw.once('finish', () => socket.destroy());
      void reply
        .code(408)
        .header('connection', 'close')
        .send({ statusCode: 408, error: 'Request Timeout', message: `The request did not arrive in full within ${seconds} s.`, code: 'REQUEST_TIMEOUT' });
    }, timeoutMs);
    const settle = () => clearTimeout(timer);
    raw.once('end', settle);
    raw.once('close', settle);
    done();
  });
}
