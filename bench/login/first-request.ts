import { percentiles } from '../common/percentiles';

/**
 * A session's first request after its login (`GET /api/me`, one at a time), beside the same
 * session's second request: the first used to ask identity for the session the login had just
 * opened; the login's answer now is that session (apps/gateway/src/auth/local.strategy.ts).
 */
export async function firstRequestAfterLogin(gatewayUrl: string, password: string, sessions: number) {
  const first: number[] = [];
  const second: number[] = [];
  for (let i = 0; i < sessions; i++) {
    const login = await fetch(`${gatewayUrl}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'admin', password }) });
    if (login.status !== 200) throw new Error(`login failed: ${login.status} ${await login.text()}`);
    const headers = { authorization: `Bearer ${((await login.json()) as { accessToken: string }).accessToken}` };
    for (const list of [first, second]) {
      const started = performance.now();
      const me = await fetch(`${gatewayUrl}/api/me`, { headers });
      await me.text();
      if (me.status !== 200) throw new Error(`GET /api/me answered ${me.status}`);
      list.push(performance.now() - started);
    }
  }
  return { sessions, firstMs: percentiles(first), secondMs: percentiles(second) };
}
