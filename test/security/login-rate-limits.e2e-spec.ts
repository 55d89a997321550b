import { request as httpRequest } from 'node:http';
import { createUser, RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

describe('login rate limit per account', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    // Failures never lock here, so a known account meets the rate limit as an unknown one does.
    run = await startWholeSuite({ LOGIN_RATE_PER_ACCOUNT: '5', LOGIN_MAX_FAILURES: '100' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  it('limits login attempts per account with 429 and Retry-After, leaving other accounts alone', async () => {
    const attempts = [];
    for (let i = 0; i < 6; i += 1) attempts.push(await run.api.post('/api/auth/login', { username: 'Nobody.Here', password: `wrong-${i}` }));
    expect(attempts.slice(0, 5).map((a) => a.status)).toEqual([401, 401, 401, 401, 401]);
    const limited = attempts[5];
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({ statusCode: 429, code: 'RATE_LIMITED' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // The same account in another case is the same account.
    expect((await run.api.post('/api/auth/login', { username: 'NOBODY.HERE', password: 'x' })).status).toBe(429);
    expect((await run.api.post('/api/auth/login', { username: 'admin', password: run.environment.env.ADMIN_PASSWORD })).status).toBe(200);
  });

  it('limits a known account the same way, with the same answer as for an unknown one', async () => {
    const user = await createUser(run);
    const tries = [];
    for (let i = 0; i < 6; i += 1) tries.push(await run.api.post('/api/auth/login', { username: user.username, password: `wrong-${i}` }));
    const unknown = [];
    for (let i = 0; i < 6; i += 1) unknown.push(await run.api.post('/api/auth/login', { username: `ghost.${user.username}`, password: `wrong-${i}` }));
    expect(tries.map((t) => t.status)).toEqual([401, 401, 401, 401, 401, 429]);
    // The wait in seconds may differ by the second between the two; nothing else may.
    const answer = (t: { status: number; body: unknown }) => [t.status, JSON.stringify(t.body).replace(/\d+ s\b/, 'N s')];
    expect(tries.map(answer)).toEqual(unknown.map(answer));
    // Even the right password waits out the window.
    expect((await run.api.post('/api/auth/login', { username: user.username, password: user.password })).status).toBe(429);
  });
});

describe('login rate limit per address', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ LOGIN_RATE_PER_ADDRESS: '3' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  /** A login sent from a chosen loopback address, so addresses can be told apart on one machine. */
  const loginFrom = (localAddress: string, username: string) =>
    new Promise<{ status: number; retryAfter: string | undefined }>((resolve, reject) => {
      const body = JSON.stringify({ username, password: 'irrelevant' });
      const request = httpRequest(
        `${run.environment.gatewayUrl}/api/auth/login`,
        { method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
        (response) => {
          response.resume();
          response.on('end', () => resolve({ status: response.statusCode ?? 0, retryAfter: response.headers['retry-after'] as string | undefined }));
        },
      );
      request.on('error', reject);
      request.end(body);
    });

  it('refuses the address past its limit, whatever the accounts, while another address goes on', async () => {
    // beforeAll's administrator login came from 127.0.0.1; this test uses its own addresses.
    const statuses = [];
    for (let i = 0; i < 4; i += 1) statuses.push(await loginFrom('127.0.0.7', `someone-${i}`));
    expect(statuses.map((s) => s.status)).toEqual([401, 401, 401, 429]);
    expect(Number(statuses[3].retryAfter)).toBeGreaterThan(0);
    expect((await loginFrom('127.0.0.8', 'someone-else')).status).toBe(401);
  });
});
