// A client that sends part of a request and then nothing (slowloris) must not hold a connection of
// the gateway for good: past HTTP_REQUEST_TIMEOUT_MS it is answered 408 and closed. A slow client that
// finishes in time is served as usual.
import { connect, Socket } from 'node:net';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

const TIMEOUT_MS = 1500;

/** A raw connection to the gateway, with what it received and when it closed (ms after it opened; Infinity if not within `ms`). */
function open(gatewayUrl: string): { socket: Socket; received: () => string; closedWithin: (ms: number) => Promise<number> } {
  const url = new URL(gatewayUrl);
  const socket = connect(Number(url.port), url.hostname);
  const opened = Date.now();
  let text = '';
  socket.on('data', (chunk) => (text += chunk.toString('latin1')));
  socket.on('error', () => undefined);
  const closedAfter = new Promise<number>((resolve) => socket.on('close', () => resolve(Date.now() - opened)));
  return { socket, received: () => text, closedWithin: (ms) => Promise.race([closedAfter, never(ms)]) };
}

/** The gateway's log lines at warn level or above. */
const gatewayWarnings = (run: RunningSuite): string[] => run.suite.logs().split('\n').filter((line) => line.startsWith('[gateway]') && /"level":(4|5|6)0\b/.test(line));
const never = (ms: number) => new Promise<number>((resolve) => setTimeout(() => resolve(Number.POSITIVE_INFINITY), ms).unref());
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('HTTP_REQUEST_TIMEOUT_MS: requests that never arrive in full', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ HTTP_REQUEST_TIMEOUT_MS: String(TIMEOUT_MS) });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('a body that stops halfway: 408 in the error shape, and the connection is closed', async () => {
    const warningsBefore = gatewayWarnings(run).length;
    const connection = open(run.environment.gatewayUrl);
    connection.socket.write('POST /api/auth/login HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"username":');
    const closedAfter = await connection.closedWithin(TIMEOUT_MS * 4);
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(closedAfter).toBeLessThan(TIMEOUT_MS * 4);
    const [head, body] = connection.received().split('\r\n\r\n');
    expect(head).toMatch(/^HTTP\/1\.1 408 /);
    expect(JSON.parse(body)).toEqual({ statusCode: 408, error: 'Request Timeout', message: 'The request did not arrive in full within 1.5 s.', code: 'REQUEST_TIMEOUT' });
    // The abandoned body is not an error of the gateway's (no "reply already sent", no 500 logged).
    await pause(300);
    expect(gatewayWarnings(run).slice(warningsBefore)).toEqual([]);
  });

  it('a body that stops halfway after an answer that did not read it (415): the connection is closed', async () => {
    const connection = open(run.environment.gatewayUrl);
    connection.socket.write('POST /api/auth/login HTTP/1.1\r\nHost: gateway\r\nContent-Type: text/plain\r\nContent-Length: 100\r\n\r\nusername');
    const closedAfter = await connection.closedWithin(TIMEOUT_MS * 4);
    expect(closedAfter).toBeLessThan(TIMEOUT_MS * 4);
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 415 /);
  });

  it('a connection that sends nothing at all: closed (Node counts from the connection)', async () => {
    const connection = open(run.environment.gatewayUrl);
    const closedAfter = await connection.closedWithin(TIMEOUT_MS * 4);
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUT_MS - 50);
    expect(closedAfter).toBeLessThan(TIMEOUT_MS * 4);
    expect(connection.received()).toMatch(/^(HTTP\/1\.1 408 |$)/);
  });

  it('headers that never end: the connection is closed', async () => {
    const connection = open(run.environment.gatewayUrl);
    connection.socket.write('GET /api/me HTTP/1.1\r\nHost: gateway\r\nX-Slow: ');
    const closedAfter = await connection.closedWithin(TIMEOUT_MS * 4);
    expect(closedAfter).toBeGreaterThanOrEqual(TIMEOUT_MS);
    expect(closedAfter).toBeLessThan(TIMEOUT_MS * 4);
  });

  it('a slow request that arrives in full within the limit is served, and its keep-alive connection stays open', async () => {
    const connection = open(run.environment.gatewayUrl);
    const body = JSON.stringify({ username: 'admin', password: run.environment.env.ADMIN_PASSWORD });
    connection.socket.write(`POST /api/auth/login HTTP/1.1\r\nHost: gateway\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`);
    for (const part of [body.slice(0, 10), body.slice(10, 20), body.slice(20)]) {
      await pause(TIMEOUT_MS / 5);
      connection.socket.write(part);
    }
    // Idle after its answer for longer than the request limit: only keep-alive's own timeout (72 s) closes it.
    const closedAfter = await connection.closedWithin(TIMEOUT_MS * 3);
    expect(closedAfter).toBe(Number.POSITIVE_INFINITY);
    expect(connection.received()).toMatch(/^HTTP\/1\.1 200 /);
    connection.socket.destroy();
  });
});
