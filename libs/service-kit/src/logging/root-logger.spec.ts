import { SpanKind } from '@opentelemetry/api';
import { assignLogFields, inSpanFrom } from '@app/bus/tracing/trace-context';
import { Writable } from 'node:stream';
import { startTracing } from '../tracing/start-tracing';
import { readLogLevel } from './log-settings';
import { createRootLogger } from './root-logger';

/** A root logger writing into an array: one parsed object per line. */
function capture(env: Record<string, string> = {}) {
  const lines: Record<string, unknown>[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split('\n').filter(Boolean)) lines.push(JSON.parse(line));
      done();
    },
  });
  return { logger: createRootLogger('tickets', env, destination), lines };
}

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;

beforeAll(() => {
  // As every service runs without OTEL_EXPORTER_OTLP_ENDPOINT: nothing recorded, ids still travel.
  startTracing('tickets', {});
});

describe('the root logger', () => {
  it('writes one JSON object a line with the service and no correlation fields outside any work', () => {
    const { logger, lines } = capture();
    logger.info('started');
    expect(lines).toEqual([expect.objectContaining({ level: 30, service: 'tickets', msg: 'started' })]);
    expect(lines[0]).not.toHaveProperty('traceId');
    expect(lines[0]).not.toHaveProperty('requestId');
  });

  it('puts the request id, user id, event id and trace id of the work in hand on every line, also on lines after an await', async () => {
    const { logger, lines } = capture();
    await inSpanFrom('consume identity.user.created', SpanKind.CONSUMER, TRACEPARENT, { requestId: 'req-1', eventId: 'evt-1' }, async () => {
      logger.info('first');
      await new Promise((resolve) => setTimeout(resolve, 5));
      assignLogFields({ userId: 'user-1' });
      logger.warn({ requestId: 'given-by-the-call' }, 'second');
    });
    logger.info('after');
    expect(lines[0]).toMatchObject({ msg: 'first', requestId: 'req-1', eventId: 'evt-1', traceId: TRACE_ID });
    expect(lines[0]).not.toHaveProperty('userId');
    expect(lines[1]).toMatchObject({ msg: 'second', requestId: 'given-by-the-call', userId: 'user-1', eventId: 'evt-1', traceId: TRACE_ID });
    expect(lines[2]).not.toHaveProperty('traceId');
  });

  it('starts a new trace when the traceparent is not a valid W3C one', async () => {
    const { logger, lines } = capture();
    for (const traceparent of ['garbage', `00-${'0'.repeat(32)}-00f067aa0ba902b7-01`, undefined]) {
      await inSpanFrom('rpc', SpanKind.SERVER, traceparent, {}, async () => logger.info('x'));
    }
    const traceIds = lines.map((line) => line.traceId as string);
    expect(traceIds.every((id) => /^[0-9a-f]{32}$/.test(id) && id !== '0'.repeat(32))).toBe(true);
    expect(new Set(traceIds).size).toBe(3);
  });

  it('redacts credentials wherever an object logged carries them', () => {
    const { logger, lines } = capture();
    logger.info({
      password: 'S3cret-Pass',
      body: { passwordConfirm: 'S3cret-Pass', token: 'reset-token', apiKey: 'crm_x_y', passwordHash: '$argon2id$v=19$x' },
      req: { headers: { authorization: 'Bearer eyJ.eyJ.sig', cookie: 'sid=1', 'x-api-key': 'crm_x_y', accept: 'application/json' } },
    });
    const text = JSON.stringify(lines[0]);
    for (const secret of ['S3cret-Pass', 'reset-token', 'crm_x_y', '$argon2id$', 'eyJ.eyJ.sig', 'sid=1']) expect(text).not.toContain(secret);
    expect(lines[0]).toMatchObject({ password: '[REDACTED]', req: { headers: { authorization: '[REDACTED]', accept: 'application/json' } } });
  });

  it('logs at LOG_LEVEL: below it nothing is written', () => {
    const { logger, lines } = capture({ LOG_LEVEL: 'warn' });
    logger.info('quiet');
    logger.warn('loud');
    expect(lines.map((line) => line.msg)).toEqual(['loud']);
  });
});

describe('LOG_LEVEL', () => {
  it('defaults to info and takes pino level names in any case', () => {
    expect(readLogLevel({})).toBe('info');
    expect(readLogLevel({ LOG_LEVEL: 'DEBUG' })).toBe('debug');
    expect(readLogLevel({ LOG_LEVEL: 'silent' })).toBe('silent');
  });

  it('refuses anything else, naming what it takes', () => {
    expect(() => readLogLevel({ LOG_LEVEL: 'verbose' })).toThrow('LOG_LEVEL must be one of trace, debug, info, warn, error, fatal, silent, got "verbose"');
  });
});
