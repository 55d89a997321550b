// The gateway behind one proxy (nginx in docker-compose, an ingress controller in deploy/), as
// TRUST_PROXY=1 tells it: the login limit per address counts each client's forwarded address, not
// the proxy's, which every request would otherwise share.
import { RunningSuite, startWholeSuite } from './suite-fixture';

describe('gateway behind a proxy (TRUST_PROXY=1)', () => {
  let run: RunningSuite;

  beforeAll(async () => {
    run = await startWholeSuite({ TRUST_PROXY: '1', LOGIN_RATE_PER_ADDRESS: '3', LOGIN_RATE_PER_ACCOUNT: '100' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  const loginFrom = async (forwardedFor: string, username: string): Promise<number> => {
    const response = await fetch(`${run.environment.gatewayUrl}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': forwardedFor },
      body: JSON.stringify({ username, password: 'Wrong-Passw0rd' }),
    });
    await response.arrayBuffer();
    return response.status;
  };

  it('limits logins per forwarded client address, so one client at its limit leaves the others alone', async () => {
    const first = [];
    for (let attempt = 0; attempt < 3; attempt += 1) first.push(await loginFrom('203.0.113.7', `nobody.a${attempt}`));
    expect(first).toEqual([401, 401, 401]);
    expect(await loginFrom('203.0.113.7', 'nobody.a3')).toBe(429);
    // Another client through the same proxy (the peer the gateway sees is the same for both).
    expect(await loginFrom('203.0.113.8', 'nobody.b0')).toBe(401);
    // A client cannot shed its address by sending one of its own: the proxy appends what it saw,
    // and only that last, proxy-written entry is believed.
    expect(await loginFrom('198.51.100.1, 203.0.113.7', 'nobody.a4')).toBe(429);
  });
});
