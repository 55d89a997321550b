import { decode, sign } from 'jsonwebtoken';
import { randomUUID } from 'node:crypto';
import { RunningSuite, startWholeSuite } from '../e2e/suite-fixture';

interface Claims {
  sub: string;
  sid: string;
}

/**
 * Bearer tokens: only a token the gateway signed (HS256, JWT_SECRET), unexpired, naming a session
 * identity still holds open, is accepted. Every refusal is 401 in the error shape.
 */
describe('tokens: forged, expired and ended ones are refused', () => {
  let run: RunningSuite;
  const secret = () => run.environment.env.JWT_SECRET;

  beforeAll(async () => {
    // Tokens live 8 s, so expiry is seen (and a loaded machine still finishes a test in time); each test logs in afresh.
    run = await startWholeSuite({ TOKEN_TTL_SECONDS: '8' });
  });

  afterAll(async () => {
    await run?.suite.stop();
    await run?.environment.dispose();
  });

  /** A fresh administrator session: its client and the claims of its token. */
  const session = async () => {
    const client = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    return { client, claims: decode(client.token!) as Claims };
  };

  const expectRefused = async (token: string, what: string) => {
    const response = await run.api.as(token).get('/api/me');
    expect({ what, status: response.status, body: response.body }).toEqual({ what, status: 401, body: expect.objectContaining({ statusCode: 401, error: 'Unauthorized' }) });
  };

  it('refuses a missing, tampered or logged-out token with 401 in the error shape', async () => {
    expect((await run.api.get('/api/me')).body).toMatchObject({ statusCode: 401, error: 'Unauthorized', code: 'NOT_AUTHENTICATED' });
    const session = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    const tampered = run.api.as(`${session.token!.slice(0, -3)}abc`);
    expect((await tampered.get('/api/me')).status).toBe(401);
    expect((await session.post('/api/auth/logout')).status).toBe(204);
    expect((await session.get('/api/me')).status).toBe(401);
  });

  it('refuses a token for a live session that is unsigned (alg none), signed with another secret or another algorithm', async () => {
    const { client, claims } = await session();
    const payload = { sub: claims.sub, sid: claims.sid };
    await expectRefused(sign(payload, '', { algorithm: 'none', expiresIn: 60 }), 'alg none, no signature');
    await expectRefused(`${sign(payload, '', { algorithm: 'none', expiresIn: 60 })}${client.token!.split('.')[2]}`, 'alg none with the real signature appended');
    await expectRefused(sign(payload, `not-${secret()}`, { algorithm: 'HS256', expiresIn: 60 }), 'HS256 with another secret');
    await expectRefused(sign(payload, secret(), { algorithm: 'HS512', expiresIn: 60 }), 'HS512 with the right secret');
    // The same claims with the right secret and algorithm pass: the refusals are about the signature.
    expect((await run.api.as(sign(payload, secret(), { algorithm: 'HS256', expiresIn: 60 })).get('/api/me')).status).toBe(200);
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('refuses a token whose claims were swapped for those of another live session, its signature kept', async () => {
    const mine = await session();
    const other = await session();
    const [header, , signature] = mine.client.token!.split('.');
    const [, otherClaims] = other.client.token!.split('.');
    await expectRefused(`${header}.${otherClaims}.${signature}`, 'claims of another session, signature of mine');
    expect((await mine.client.get('/api/me')).status).toBe(200);
    expect((await other.client.get('/api/me')).status).toBe(200);
  });

  it('refuses a well-signed token for an ended session, or for a session that never was', async () => {
    const { client, claims } = await session();
    expect((await client.post('/api/auth/logout')).status).toBe(204);
    await expectRefused(sign({ sub: claims.sub, sid: claims.sid }, secret(), { algorithm: 'HS256', expiresIn: 60 }), 'a new token for the logged-out session');
    await expectRefused(sign({ sub: claims.sub, sid: randomUUID() }, secret(), { algorithm: 'HS256', expiresIn: 60 }), 'a session id identity never issued');
  });

  it('refuses a well-signed token past its exp while its session is still open', async () => {
    const { client, claims } = await session();
    const expired = sign({ sub: claims.sub, sid: claims.sid, exp: Math.floor(Date.now() / 1000) - 5 }, secret(), { algorithm: 'HS256' });
    await expectRefused(expired, 'exp in the past');
    expect((await client.get('/api/me')).status).toBe(200);
  });

  it('a token stops working when it expires', async () => {
    const session = await run.api.login('admin', run.environment.env.ADMIN_PASSWORD);
    expect((await session.get('/api/me')).status).toBe(200);
    await new Promise((r) => setTimeout(r, 8500));
    const expired = await session.get('/api/me');
    expect(expired.status).toBe(401);
    expect(expired.body.message).toMatch(/expired/i);
  });
});
